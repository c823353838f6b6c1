package dev.genieheal.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Reads prompt files from the classpath or a directory; not public API. */
interface PromptFiles {

  /** The file's text (UTF-8), or empty when it does not exist. */
  Optional<String> read(String relativePath);

  /** Where the files come from, for messages. */
  String describe(String relativePath);

  static PromptFiles classpath(ClassLoader loader, String root) {
    return new PromptFiles() {
      @Override
      public Optional<String> read(String relativePath) {
        try (InputStream in = loader.getResourceAsStream(root + relativePath)) {
          return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read prompt resource " + root + relativePath, e);
        }
      }

      @Override
      public String describe(String relativePath) {
        return "classpath:" + root + relativePath;
      }
    };
  }

  static PromptFiles directory(Path dir) {
    return new PromptFiles() {
      @Override
      public Optional<String> read(String relativePath) {
        Path file = dir.resolve(relativePath).normalize();
        if (!file.startsWith(dir.normalize())) {
          throw new IllegalArgumentException("prompt path escapes its directory: " + relativePath);
        }
        if (!Files.isRegularFile(file)) {
          return Optional.empty();
        }
        try {
          return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read prompt file " + file, e);
        }
      }

      @Override
      public String describe(String relativePath) {
        return dir.resolve(relativePath).toString();
      }
    };
  }

  /** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
