package dev.genieheal.samples.demo;

/** A problem the person running the demo can fix (an option, the output directory, the port): shown without a trace. */
final class DemoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DemoException(String message) {
    super(message);
  }

  DemoException(String message, Throwable cause) {
    super(message, cause);
  }
}
