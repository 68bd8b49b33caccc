package org.bilim.server.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bilim.courses.search.Passages;
import org.bilim.courses.search.SearchDocument;
import org.bilim.server.catalogue.Course;
import org.bilim.server.catalogue.CourseCatalogue;
import org.bilim.server.files.FileStore;
import org.bilim.server.files.StoredFile;

/**
 * What the index should hold of a course, read from the database in one short read-only
 * transaction: the passages of every version that learners of some facility see now.
 */
@ApplicationScoped
public class SearchSource {
    @Inject
    CourseCatalogue catalogue;

    @Inject
    FileStore files;

    /** The course's passages; empty when no facility approves any version of it. */
    @Transactional
    public List<SearchDocument> passages(long courseId) {
        Course course = catalogue.course(courseId);
        String language = course.language().tag();
        List<SearchDocument> out = new ArrayList<>();
        try {
            for (long versionId : catalogue.versionsVisibleAnywhere(courseId)) {
                out.addAll(Passages.of(courseId, versionId, language, catalogue.frozenContent(versionId), this::open));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the files of course " + courseId + " for the search index", e);
        }
        return out;
    }

    @Transactional
    public List<Long> decidedCourses() {
        return catalogue.decidedCourses();
    }

    private Optional<InputStream> open(String fileId) throws IOException {
        Optional<StoredFile> file = files.find(fileId);
        if (file.isEmpty() || !Files.isRegularFile(files.path(file.get()))) {
            return Optional.empty();
        }
        return Optional.of(Files.newInputStream(files.path(file.get())));
    }
}
