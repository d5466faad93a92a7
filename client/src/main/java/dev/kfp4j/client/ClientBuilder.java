package dev.kfp4j.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The settings every client of a server is built with, whatever the server: how requests go (CA
 * certificate or none checked, timeout), how long a wait asks between looks, and where the credentials sent are
 * collected to be hidden. {@link KfpClient.Builder} and {@link ArgoClient.Builder} add the server's
 * own.
 *
 * @param <B> the concrete builder, so settings chain
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  /** The {@code kfp4j} command's option that skips checking the certificate, as errors name it ({@link #options}). */
  static final String SKIP_VERIFY = "-k/--insecure-skip-verify";

  private Path caCertificate;
  private Boolean insecureSkipVerify; // null: not given
  private Redactor redactor = new Redactor();
  private Duration timeout = Duration.ofSeconds(60);
  private Duration pollInterval = Duration.ofSeconds(5);
  private UnaryOperator<String> options = UnaryOperator.identity();

  ClientBuilder() {}

  /**
   * Where the credentials this client sends are collected, to be hidden in every message it
   * makes; give one to hide them in your own output too ({@link Redactor#redact}).
   */
  public B redactor(Redactor redactor) {
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    return self();
  }

  /** A PEM file of CA certificates to trust for https, for servers with a private CA. */
  public B caCertificate(Path caCertificate) {
    this.caCertificate = caCertificate;
    return self();
  }

  /**
   * Whether to check the server's https certificate not at all (default false): any certificate, self-signed or for
   * another name, is taken, as the argo CLI's {@code --insecure-skip-verify} and KFP's {@code Client(verify_ssl=False)}; the
   * {@code kfp4j} command's {@code -k/--insecure-skip-verify}. For a test cluster only: whoever can
   * intercept the connection reads the credentials sent. This client's alone; a {@link #caCertificate} is then not needed.
   * Given, false too, it wins over {@code ARGO_INSECURE_SKIP_VERIFY} ({@link ArgoClient.Builder}), as the argo CLI's
   * flag wins over that variable.
   */
  public B insecureSkipVerify(boolean insecureSkipVerify) {
    this.insecureSkipVerify = insecureSkipVerify;
    return self();
  }

  /** How long one request may take (default 60 s). */
  public B timeout(Duration timeout) {
    this.timeout = timeout;
    return self();
  }

  /** How often waiting for a run asks for its state (default 5 s). */
  public B pollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
    return self();
  }

  Duration pollInterval() {
    return pollInterval;
  }

  /**
   * How the errors name the {@code kfp4j} command's option that gives the server, from its name ({@code --host}, {@code
   * --argo-server}): as it is by default; a Maven goal names its property.
   */
  public B options(UnaryOperator<String> options) {
    this.options = Objects.requireNonNull(options, "options");
    return self();
  }

  /** Whether {@link #insecureSkipVerify} was given, true or false. */
  boolean insecureSkipVerifyGiven() {
    return insecureSkipVerify != null;
  }

  /** How the errors name the option {@code name} ({@link #options}). */
  String option(String name) {
    return options.apply(name);
  }

  /**
   * The requests to {@code server} with these settings; {@code serverOption} says how to name another server in errors,
   * {@code apiWhere} where the API is found when a server has none, {@code skipHow} how to skip checking its certificate
   * (for the advice of a failed handshake; null when there is no such setting), {@code credentials} what to check when the
   * server refuses the credentials (its ways in).
   */
  Http http(URI server, Auth auth, String serverOption, String apiWhere, String skipHow, String credentials) {
    return new Http(server, auth, new Tls(caCertificate, Boolean.TRUE.equals(insecureSkipVerify), skipHow), timeout, serverOption,
        apiWhere, credentials, redactor);
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
