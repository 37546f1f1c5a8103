package dev.market.cli.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.TerminalBuilder;

/**
 * The real terminal. JLine is loaded only on the first prompt or width query, so {@code --help},
 * {@code --version} and non-interactive runs never touch the terminal device.
 */
public final class SystemTerminal implements Terminal {
  /** JLine's "print nothing" mask: the typed characters are not echoed at all. */
  private static final char NO_ECHO = '\0';

  private final boolean stdin;
  private final boolean stdout;
  private final boolean stderr;
  private org.jline.terminal.Terminal jline;
  private LineReader reader;

  public SystemTerminal() {
    this.stdin = Tty.isTerminal(0);
    this.stdout = Tty.isTerminal(1);
    this.stderr = Tty.isTerminal(2);
  }

  @Override
  public boolean stdinIsTerminal() {
    return stdin;
  }

  @Override
  public boolean stdoutIsTerminal() {
    return stdout;
  }

  @Override
  public boolean stderrIsTerminal() {
    return stderr;
  }

  @Override
  public int width() {
    if (!stdout) {
      return 0;
    }
    int w = jline().getColumns();
    return w > 0 ? w : 80;
  }

  @Override
  public String readLine(String prompt) {
    try {
      return reader().readLine(prompt);
    } catch (UserInterruptException e) {
      throw new InterruptedInputException();
    } catch (EndOfFileException e) {
      return null;
    }
  }

  @Override
  public char[] readSecret(String prompt) {
    try {
      String line = reader().readLine(prompt, NO_ECHO);
      return line == null ? null : line.toCharArray();
    } catch (UserInterruptException e) {
      throw new InterruptedInputException();
    } catch (EndOfFileException e) {
      return null;
    }
  }

  @Override
  public void show(String text) {
    org.jline.terminal.Terminal t = jline();
    t.writer().print(text);
    t.writer().flush();
  }

  private synchronized org.jline.terminal.Terminal jline() {
    if (jline == null) {
      try {
        jline = TerminalBuilder.builder().system(true).build();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the terminal", e);
      }
    }
    return jline;
  }

  private synchronized LineReader reader() {
    if (reader == null) {
      // no history file: a prompt may have been answered with something private
      reader =
          LineReaderBuilder.builder()
              .terminal(jline())
              .variable(LineReader.HISTORY_SIZE, 0)
              .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
              .build();
    }
    return reader;
  }
}
