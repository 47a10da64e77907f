package com.bpo.agent.domain;

import com.bpo.contracts.org.ServiceWindow;
import java.util.List;

/**
 * An engagement's weekly service windows as stored: a JSON object around the list, because Hibernate Reactive reads
 * a JSON column as an object and cannot map a top-level array.
 */
public record ServiceHours(List<ServiceWindow> windows) {

    public ServiceHours {
        windows = windows == null ? List.of() : List.copyOf(windows);
    }
}
