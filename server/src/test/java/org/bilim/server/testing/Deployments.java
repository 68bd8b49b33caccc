package org.bilim.server.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the in-container tests deploy: the WAR this build produced, exactly as it ships, plus the
 * test classes and AssertJ. The tests therefore run against the real persistence unit, the real
 * migrations and the real CDI wiring.
 */
public final class Deployments {
    private Deployments() {
    }

    public static WebArchive bilim(Class<?>... testClasses) {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, builtWar());
        war.addClasses(testClasses);
        war.addClasses(TestData.class, Deployments.class);
        war.addAsLibrary(jarOf(Assertions.class));
        return war;
    }

    private static File builtWar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("server-.*\\.war")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("target/server-*.war is missing: run the tests through Maven (verify)"))
                    .toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File jarOf(Class<?> c) {
        try {
            return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
