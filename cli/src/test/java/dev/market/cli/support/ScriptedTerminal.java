package dev.market.cli.support;

import dev.market.cli.io.InterruptedInputException;
import dev.market.cli.io.Terminal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

/**
 * A terminal for tests: says whether each stream is a terminal, answers prompts from a script and
 * records everything a person would have seen on the device (prompts and {@link #show} text) in
 * {@link #transcript()}, which is separate from the captured stdout and stderr.
 */
public final class ScriptedTerminal implements Terminal {
  /** An answer that stands for the user pressing Ctrl-C at that prompt. */
  public static final String CTRL_C = "\u0003";

  private final boolean stdin;
  private final boolean stdout;
  private final boolean stderr;
  private final int width;
  private final Deque<Function<String, String>> answers = new ArrayDeque<>();
  private final StringBuilder transcript = new StringBuilder();
  private int prompts;

  private ScriptedTerminal(boolean stdin, boolean stdout, boolean stderr, int width) {
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    this.width = width;
  }

  /** Nothing is a terminal: a script or CI job. Any prompt fails the test. */
  public static ScriptedTerminal none() {
    return new ScriptedTerminal(false, false, false, 0);
  }

  /** A person at an 80-column (or given) terminal answering {@code answers} in order. */
  public static ScriptedTerminal interactive(int width, String... answers) {
    ScriptedTerminal t = new ScriptedTerminal(true, true, true, width);
    t.addAll(answers);
    return t;
  }

  /**
   * Adds an answer computed from what the terminal showed so far (e.g. the word a seed-phrase check
   * asks for).
   */
  public ScriptedTerminal thenAnswer(Function<String, String> fromTranscript) {
    answers.add(fromTranscript);
    return this;
  }

  private void addAll(String... fixed) {
    for (String a : fixed) {
      answers.add(transcriptSoFar -> a);
    }
  }

  /** stdin is a terminal but stdout is piped ({@code market ... | jq}). */
  public static ScriptedTerminal stdoutPiped(String... answers) {
    ScriptedTerminal t = new ScriptedTerminal(true, false, true, 0);
    t.addAll(answers);
    return t;
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
    return stdout ? width : 0;
  }

  @Override
  public synchronized String readLine(String prompt) {
    return answer(prompt, true);
  }

  @Override
  public synchronized char[] readSecret(String prompt) {
    String a = answer(prompt, false);
    return a == null ? null : a.toCharArray();
  }

  private String answer(String prompt, boolean echo) {
    if (!stdin) {
      throw new AssertionError("prompted without a terminal: " + prompt);
    }
    prompts++;
    transcript.append(prompt);
    Function<String, String> next = answers.poll();
    String a = next == null ? null : next.apply(transcript.toString());
    if (CTRL_C.equals(a)) {
      transcript.append("^C\n");
      throw new InterruptedInputException();
    }
    transcript.append(echo && a != null ? a : "").append('\n');
    return a;
  }

  @Override
  public synchronized void show(String text) {
    transcript.append(text);
  }

  /** What appeared on the terminal device. */
  public synchronized String transcript() {
    return transcript.toString();
  }

  public synchronized int promptCount() {
    return prompts;
  }

  public synchronized int unusedAnswers() {
    return answers.size();
  }
}
