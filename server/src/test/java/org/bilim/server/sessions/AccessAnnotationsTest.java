package org.bilim.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every resource method says who may call it: the access filter refuses a method without
 * {@link Access}, and this test makes sure none ships that way. It also keeps the entry points
 * apart: kiosk paths admit kiosks and learners, staff paths admit staff.
 */
class AccessAnnotationsTest {

    @Test
    void everyResourceMethodDeclaresItsAudience() throws Exception {
        List<String> missing = new ArrayList<>();
        List<String> crossed = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            String classPath = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                if (!isResourceMethod(m)) {
                    continue;
                }
                Access access = m.getAnnotation(Access.class) != null ? m.getAnnotation(Access.class) : resource.getAnnotation(Access.class);
                if (access == null) {
                    missing.add(resource.getSimpleName() + "." + m.getName());
                    continue;
                }
                boolean staffPath = classPath.startsWith("staff");
                boolean kioskAudience = access.value() == Access.Audience.KIOSK || access.value() == Access.Audience.LEARNER;
                if ((staffPath && kioskAudience) || (!staffPath && access.value() == Access.Audience.STAFF)) {
                    crossed.add(resource.getSimpleName() + "." + m.getName());
                }
                if (access.value() == Access.Audience.STAFF) {
                    assertThat(access.roles()).as(resource.getSimpleName() + "." + m.getName()).isNotEmpty();
                }
            }
        }
        assertThat(missing).as("resource methods without @Access").isEmpty();
        assertThat(crossed).as("resource methods whose audience does not fit their entry point").isEmpty();
    }

    @Test
    void theScanFindsTheResources() throws Exception {
        assertThat(resourceClasses()).extracting(Class::getSimpleName)
                .contains("LearnerSessionResource", "LearnerResource", "KioskResource", "StaffSessionResource");
    }

    private static boolean isResourceMethod(Method m) {
        return m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class) || m.isAnnotationPresent(PUT.class)
                || m.isAnnotationPresent(DELETE.class) || m.isAnnotationPresent(PATCH.class);
    }

    static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Access.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, AccessAnnotationsTest.class.getClassLoader());
                if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    found.add(c);
                }
            }
        }
        return found;
    }
}
