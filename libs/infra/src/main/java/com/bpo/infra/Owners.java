package com.bpo.infra;

import java.util.Optional;

/** Finds the process whose end stops the servers of a test run. */
final class Owners {

    private Owners() {}

    /**
     * The Maven JVM this process runs under (the nearest ancestor whose command line runs plexus-classworlds), so
     * that every module of one build shares the servers and the end of the build stops them; this process itself
     * when there is none (a test started from an IDE).
     */
    static ProcessRef ofThisProcess() {
        Optional<ProcessHandle> ancestor = ProcessHandle.current().parent();
        while (ancestor.isPresent()) {
            ProcessHandle handle = ancestor.get();
            String commandLine = handle.info().commandLine().orElse("");
            if (commandLine.contains("org.codehaus.plexus.classworlds.launcher.Launcher")
                    || commandLine.contains("plexus-classworlds")) {
                return ProcessRef.of(handle);
            }
            ancestor = handle.parent();
        }
        return ProcessRef.current();
    }
}
