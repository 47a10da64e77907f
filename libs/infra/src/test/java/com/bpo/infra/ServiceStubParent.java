package com.bpo.infra;

import java.nio.file.Path;

/**
 * Starts {@link ServiceStub} through {@link ServiceProcess} and then waits forever, so that {@link ServiceProcessTest}
 * can kill this process with SIGKILL and watch what happens to the service.
 */
public final class ServiceStubParent {

    private ServiceStubParent() {}

    public static void main(String[] args) throws InterruptedException {
        ServiceProcess service = ServiceProcess.quarkusApp("stub-service", Path.of(args[0]))
                .logFile(Path.of(args[1]))
                .start();
        System.out.println("service pid " + service.pid());
        System.out.flush();
        Thread.currentThread().join();
    }
}
