package com.bpo.infra;

/** A database role and its password. */
public record DbCredentials(String username, String password) {

    @Override
    public String toString() {
        return "DbCredentials[username=" + username + ", password=***]";
    }
}
