package io.jcoro.net;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for localhost made by the JDK's {@code keytool} when first needed,
 * and the contexts of a server that presents it and of a client that trusts it.
 */
final class SelfSigned {
    private static final String PASSWORD = "changeit";
    private static KeyStore keyStore;

    private SelfSigned() {}

    static synchronized KeyStore keyStore() throws Exception {
        if (keyStore == null) {
            Path dir = Files.createTempDirectory("jcoro-tls-unit");
            Path p12 = dir.resolve("k.p12");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "k", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", PASSWORD)
                    .redirectErrorStream(true).start();
            p.getInputStream().transferTo(System.err);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed");
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(p12)) {
                ks.load(in, PASSWORD.toCharArray());
            }
            Files.delete(p12);
            Files.delete(dir);
            keyStore = ks;
        }
        return keyStore;
    }

    /** A context that presents the certificate ({@code protocol}: "TLS", "TLSv1.2", ...). */
    static SSLContext server(String protocol) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore(), PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance(protocol);
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    /** A context that trusts the certificate. */
    static SSLContext client(String protocol) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("k", keyStore().getCertificate("k"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance(protocol);
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
