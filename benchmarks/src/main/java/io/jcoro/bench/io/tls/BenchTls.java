package io.jcoro.bench.io.tls;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS contexts of the benchmark, all the JDK's provider: a server's, presenting a self-signed
 * EC certificate for localhost that {@code keytool} makes at start, and a client's that trusts any
 * certificate (the benchmark measures the servers' TLS, on 127.0.0.1, not the client's checks).
 */
final class BenchTls {
    private static final char[] PASSWORD = "benchmark".toCharArray();

    private BenchTls() {}

    /** A server context with a new self-signed certificate. */
    static SSLContext server() throws Exception {
        Path dir = Files.createTempDirectory("jcoro-bench-tls");
        Path store = dir.resolve("server.p12");
        try {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "1",
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool exited with " + keytool.exitValue());
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } finally {
            Files.deleteIfExists(store);
            Files.delete(dir);
        }
    }

    /** A client context that accepts the server's certificate unchecked. */
    static SSLContext trustingClient() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
