package dev.rfmkit.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Puts the display name of a failed parameterized test (which names its seed) in front of the failure
 * message, since build reports show a parameterized test by index only.
 */
public final class ShowSeed implements TestExecutionExceptionHandler {
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (thrown instanceof AssertionError) {
            AssertionError named = new AssertionError("[" + context.getDisplayName() + "] " + thrown.getMessage(),
                    thrown);
            named.setStackTrace(thrown.getStackTrace());
            throw named;
        }
        throw thrown;
    }
}
