package com.bpo.bench;

/** What a benchmark run gives: a summary for the terminal and the report written to {@code bench/results/}. */
interface BenchmarkReport {

    String summary();

    String markdown();
}
