package com.bpo.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a daemon works: its spec, its state directory, and the directory its server keeps data in.
 *
 * @param spec what to run
 * @param stateDir the state directory shared by the daemons of one owner
 * @param daemon this daemon process
 */
record DaemonContext(ServerSpec spec, Path stateDir, ProcessRef daemon) {

    /** Whether the data outlives the server (a data directory was given). */
    boolean persistent() {
        return spec.dataDir() != null;
    }

    /**
     * The directory for this server's data: {@code <data dir>/<kind>} when a data directory was given, else a
     * temporary one in the state directory, emptied first (a daemon killed with SIGKILL leaves its data behind).
     */
    Path dataDir() throws IOException {
        if (persistent()) {
            return Files.createDirectories(spec.dataDir().resolve(spec.kind().id()));
        }
        Path dir = temporaryDataDir();
        FileTrees.deleteQuietly(dir);
        return Files.createDirectories(dir);
    }

    private Path temporaryDataDir() {
        return stateDir.resolve(spec.kind().id() + "-data");
    }

    /** Deletes the data directory if it is temporary. */
    void deleteTemporaryData() {
        if (!persistent()) {
            FileTrees.deleteQuietly(temporaryDataDir());
        }
    }
}
