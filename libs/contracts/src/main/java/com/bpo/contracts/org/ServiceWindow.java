package com.bpo.contracts.org;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * One weekly window of an engagement's service hours, in the engagement's time zone. A window whose {@code closesAt}
 * is not after {@code opensAt} runs past midnight into the next day; {@code 00:00}-{@code 00:00} is the whole day.
 */
public record ServiceWindow(List<DayOfWeek> days, LocalTime opensAt, LocalTime closesAt) {

    public ServiceWindow {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
