package com.bpo.kit.ingest;

import com.bpo.kit.error.FieldError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A batch as {@link BatchReader} read it: every record is either a line or a rejection.
 *
 * @param lines the records that bound and passed Bean Validation, in batch order
 * @param rejections the records that did not, in index order
 * @param size how many records the batch held
 */
public record Batch<T>(List<BatchLine<T>> lines, List<Rejection> rejections, int size) {

    public Batch {
        lines = List.copyOf(lines);
        rejections = List.copyOf(rejections);
        if (lines.size() + rejections.size() != size) {
            throw new IllegalArgumentException("a batch of " + size + " records cannot have " + lines.size()
                    + " lines and " + rejections.size() + " rejections");
        }
    }

    /** The records of the valid lines, in batch order. */
    public List<T> records() {
        return lines.stream().map(BatchLine::record).toList();
    }

    /**
     * This batch with further lines rejected, for rules the service checks after reading (a shop of another brand,
     * an id repeated within the batch). Each rejection must name the index of a line; two rejections of the same
     * line are merged.
     *
     * @throws IllegalArgumentException if a rejection names no line of this batch
     */
    public Batch<T> rejecting(Collection<Rejection> more) {
        if (more.isEmpty()) {
            return this;
        }
        Set<Integer> lineIndexes = lines.stream().map(BatchLine::index).collect(Collectors.toSet());
        Map<Integer, Rejection> added = new LinkedHashMap<>();
        for (Rejection rejection : more) {
            if (!lineIndexes.contains(rejection.index())) {
                throw new IllegalArgumentException("record " + rejection.index() + " is no line of this batch");
            }
            added.merge(rejection.index(), rejection, Batch::merge);
        }
        List<BatchLine<T>> kept =
                lines.stream().filter(line -> !added.containsKey(line.index())).toList();
        List<Rejection> allRejections = new ArrayList<>(rejections);
        allRejections.addAll(added.values());
        allRejections.sort(Comparator.comparingInt(Rejection::index));
        return new Batch<>(kept, allRejections, size);
    }

    private static Rejection merge(Rejection first, Rejection second) {
        List<FieldError> errors = new ArrayList<>(first.errors());
        errors.addAll(second.errors());
        return new Rejection(first.index(), errors);
    }
}
