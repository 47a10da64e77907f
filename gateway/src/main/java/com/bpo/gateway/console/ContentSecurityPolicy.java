package com.bpo.gateway.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Edits a Content-Security-Policy header value, directive by directive. */
public final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {}

    /**
     * The policy with {@code source} added to {@code directive} (created as {@code 'self' source} when the policy
     * lacks it); unchanged when the directive already lists the source.
     */
    public static String withSource(String policy, String directive, String source) {
        List<String> directives = new ArrayList<>();
        boolean found = false;
        for (String part : policy.split(";")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            List<String> tokens = Arrays.asList(trimmed.split("\\s+"));
            if (tokens.get(0).equalsIgnoreCase(directive)) {
                found = true;
                if (!tokens.contains(source)) {
                    trimmed = trimmed + " " + source;
                }
            }
            directives.add(trimmed);
        }
        if (!found) {
            directives.add(directive + " 'self' " + source);
        }
        return String.join("; ", directives);
    }
}
