package dev.flywheel.eclipse.ui.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a {@link RealBackend} parameter to the one backend of the whole test run: started by the first test
 * class that asks, kept in the root context's store, and closed (the process killed) when the run ends.
 */
public final class RealBackendExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealBackendExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RealBackend.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RealBackend.class, type -> {
            try {
                return RealBackend.startSeeded();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the real backend: " + e.getMessage(), e);
            }
        }, RealBackend.class);
    }
}
