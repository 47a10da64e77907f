package com.bpo.kit.ingest;

import java.util.List;

/**
 * What an ingestion endpoint answers (200, JSON) once it has taken the valid records of a batch.
 *
 * @param accepted valid records the service took as new
 * @param duplicates valid records the service already had (a re-sent record changes nothing)
 * @param rejected records not taken; each is described in {@code rejections}
 * @param rejections why each rejected record was not taken, in index order
 */
public record IngestAnswer(int accepted, int duplicates, int rejected, List<Rejection> rejections) {

    public IngestAnswer {
        if (accepted < 0 || duplicates < 0) {
            throw new IllegalArgumentException("counts are 0 or more");
        }
        rejections = List.copyOf(rejections);
        if (rejected != rejections.size()) {
            throw new IllegalArgumentException(
                    rejected + " records rejected but " + rejections.size() + " rejections given");
        }
    }

    /**
     * The answer for a batch whose valid lines were all taken, {@code duplicates} of them already known.
     *
     * @throws IllegalArgumentException if {@code duplicates} is more than the batch's valid lines
     */
    public static IngestAnswer of(Batch<?> batch, int duplicates) {
        int valid = batch.lines().size();
        if (duplicates > valid) {
            throw new IllegalArgumentException(duplicates + " duplicates among " + valid + " valid records");
        }
        return new IngestAnswer(
                valid - duplicates, duplicates, batch.rejections().size(), batch.rejections());
    }
}
