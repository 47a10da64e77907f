package com.bpo.systemtests.stack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class the run of the local stack shared by the whole test JVM ({@link LocalStackRun#shared}): a
 * constructor, lifecycle or test method parameter of type {@link LocalStackRun}.
 *
 * <pre>{@code
 * @ExtendWith(LocalStackExtension.class)
 * class ConsoleBrowserTest {
 *     private final LocalStackRun stack;
 *
 *     ConsoleBrowserTest(LocalStackRun stack) {
 *         this.stack = stack;
 *     }
 * }
 * }</pre>
 */
public final class LocalStackExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LocalStackRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return LocalStackRun.shared(extensionContext);
    }
}
