package dev.kfp4j.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which servers' certificates a client trusts over https: the JDK's CAs, or a private CA's certificate (PEM), or, when told
 * to skip the check ({@code -k}, {@code ARGO_INSECURE_SKIP_VERIFY=true}), any certificate for any name, as Go's {@code
 * InsecureSkipVerify} the argo CLI sets. The skip is this client's alone: nothing JVM-wide is changed.
 */
final class Tls {
  private final SSLContext context;
  private final String advice;

  /**
   * @param skipHow how to skip the check for this server ({@code "pass -k/--insecure-skip-verify"}), for the advice
   *     of a failed handshake; null when it cannot be skipped
   */
  Tls(Path caCertificate, boolean skipVerify, String skipHow) {
    this.context = skipVerify ? trustingAll() : caCertificate != null ? trusting(caCertificate) : null;
    this.advice = "if the server's certificate is signed by a private CA, pass that CA's certificate (PEM) as the CA certificate"
        + (skipHow == null || skipVerify ? "" : ", or " + skipHow + " to not check it (the connection is then open to "
            + "whoever can intercept it)");
  }

  /** The context of the client's connections, or null for the JDK's default. */
  SSLContext context() {
    return context;
  }

  /** What to do when the server's certificate is not trusted. */
  String advice() {
    return advice;
  }

  /**
   * Trusts every chain for every host name. An {@link X509ExtendedTrustManager}, as the JDK's own: the JDK checks the host
   * name in the trust manager it is given, where it wraps a plain {@code X509TrustManager} in one that checks it still.
   */
  private static SSLContext trustingAll() {
    TrustManager all = new X509ExtendedTrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, new TrustManager[] {all}, new SecureRandom());
      return ssl;
    } catch (GeneralSecurityException e) {
      throw new KfpException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static SSLContext trusting(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      if (i == 0) {
        throw new KfpException(0, pem + ": no PEM certificate in it");
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      return ssl;
    } catch (NoSuchFileException e) {
      throw new KfpException(pem + ": no such file", e);
    } catch (IOException | GeneralSecurityException e) {
      throw new KfpException(pem + ": not a readable CA certificate (PEM): " + e.getMessage(), e);
    }
  }
}
