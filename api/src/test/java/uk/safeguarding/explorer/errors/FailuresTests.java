package uk.safeguarding.explorer.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

/** Work that failed on another thread is thrown by the caller as if it had run there. */
class FailuresTests {

    /** The failure of work run by a future, as the caller of get() meets it. */
    private static ExecutionException failed(Throwable failure) {
        var task = new FutureTask<Void>(() -> {
            if (failure instanceof Exception e) {
                throw e;
            }
            throw (Error) failure;
        });
        task.run();
        try {
            task.get();
            throw new AssertionError("the task did not fail");
        } catch (ExecutionException e) {
            return e;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anUncheckedExceptionComesAsItWas() {
        var failure = new BadRequestException("field", "reason");
        assertThat(Failures.unwrapped(failed(failure))).isSameAs(failure);
    }

    @Test
    void anErrorIsRethrownAtOnce() {
        var error = new OutOfMemoryError("fictional");
        assertThatThrownBy(() -> Failures.unwrapped(failed(error))).isSameAs(error);
    }

    @Test
    void aCheckedExceptionIsWrapped() {
        var failure = new IOException("fictional");
        assertThat(Failures.unwrapped(failed(failure)))
                .isInstanceOf(IllegalStateException.class)
                .hasCause(failure);
    }
}
