package app.attune.research;

import app.attune.config.AttuneConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one research export: reads the organization's rows in one repeatable-read snapshot, a
 * fetch at a time, and streams them as CSV files into a ZIP that goes to the database in 1 MiB
 * chunks, so memory stays constant whatever the organization's size. Ids become keyed hashes
 * under a key made here and dropped when the export ends; no free text is ever selected.
 */
@ApplicationScoped
public class ExportWriter {

    static final int CHUNK = 1 << 20;
    /** How long a claim holds without renewal; renewed with every chunk and every 5,000 rows. */
    static final String LEASE = "10 minutes";
    private static final int FETCH = 1_000;
    private static final int PROGRESS_EVERY = 5_000;
    /** The earliest time a ZIP entry can carry (MS-DOS's epoch). */
    private static final LocalDateTime EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final AgroalDataSource dataSource;
    private final int minimumCell;

    ExportWriter(AgroalDataSource dataSource, AttuneConfig config) {
        this.dataSource = dataSource;
        this.minimumCell = config.researchExport().minimumCell();
    }

    /** What was written: rows per file and the ZIP's size. */
    record Written(Map<String, Long> rows, long total, long bytes) {
    }

    Written write(ExportWorker.Claim claim) throws SQLException, IOException {
        UUID exportId = claim.exportId();
        try (Connection snapshot = dataSource.getConnection(); Connection out = dataSource.getConnection()) {
            out.setAutoCommit(true);
            // What an earlier claim left behind; only while this claim holds.
            try (PreparedStatement clear = out.prepareStatement("delete from research_export_chunk where export_id = ?"
                    + " and organization_id = ? and exists (select 1 from research_export where id = ? and organization_id = ?"
                    + " and claim = ?)")) {
                clear.setObject(1, exportId);
                clear.setObject(2, claim.organizationId());
                clear.setObject(3, exportId);
                clear.setObject(4, claim.organizationId());
                clear.setObject(5, claim.token());
                clear.executeUpdate();
            }
            snapshot.setAutoCommit(false);
            try (Statement begin = snapshot.createStatement()) {
                begin.execute("set transaction isolation level repeatable read, read only");
            }
            try {
                Run run = new Run(claim, request(snapshot, claim), snapshot, out);
                Written written = run.all();
                snapshot.commit();
                return written;
            } finally {
                if (!snapshot.getAutoCommit()) {
                    snapshot.rollback();
                    snapshot.setAutoCommit(true);
                }
            }
        }
    }

    /** The export's request and the organization's settings it depends on (its organization is the claim's). */
    private record Request(OffsetDateTime from, OffsetDateTime to, boolean endedOnly, ZoneId zone,
            LocalDate fromDay, LocalDate toDay, Set<String> approvedTags, boolean keepsYear) {
    }

    private static Request request(Connection db, ExportWorker.Claim claim) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("""
                select e.from_day, e.to_day, e.ended_only, s.time_zone, s.research_tags, s.research_keeps_year
                from research_export e join organization_settings s on s.organization_id = e.organization_id
                where e.id = ? and e.organization_id = ?""")) {
            select.setObject(1, claim.exportId());
            select.setObject(2, claim.organizationId());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("research export not found");
                }
                ZoneId zone = ZoneId.of(row.getString(4));
                LocalDate fromDay = row.getObject(1, LocalDate.class);
                LocalDate toDay = row.getObject(2, LocalDate.class);
                Set<String> tags = new LinkedHashSet<>(Arrays.asList((String[]) row.getArray(5).getArray()));
                return new Request(fromDay.atStartOfDay(zone).toOffsetDateTime(),
                        toDay.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), row.getBoolean(3), zone, fromDay, toDay,
                        tags, row.getBoolean(6));
            }
        }
    }

    /** One export's writing: its key, its ZIP and its counts. */
    private final class Run {

        private final ExportWorker.Claim claim;
        private final Request request;
        private final Connection snapshot;
        private final Connection out;
        private final Mac pseudonyms;
        private final Chunks chunks;
        private final ZipOutputStream zip;
        private final Map<String, Long> rows = new LinkedHashMap<>();
        private long written;
        private long total;

        Run(ExportWorker.Claim claim, Request request, Connection snapshot, Connection out) throws SQLException {
            this.claim = claim;
            this.request = request;
            this.snapshot = snapshot;
            this.out = out;
            try {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                pseudonyms = Mac.getInstance("HmacSHA256");
                pseudonyms.init(new SecretKeySpec(key, "HmacSHA256"));
                Arrays.fill(key, (byte) 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA-256 is not available", e);
            }
            this.chunks = new Chunks(claim, out);
            this.zip = new ZipOutputStream(chunks, StandardCharsets.UTF_8);
        }

        Written all() throws SQLException, IOException {
            total = single(ExportQueries.TOTAL);
            progress();
            table("alliances.csv", ExportQueries.ALLIANCES, new String[] {"alliance", "therapist", "format", "status",
                "participants", "age_band", "started_day", "ended_day", "first_session_year", "sessions"}, row -> new Object[] {
                    id(row, 1), id(row, 2), row.getString(3), row.getString(4), row.getLong(5), row.getString(6),
                    row.getObject(7), row.getObject(8), request.keepsYear() ? row.getObject(9) : null, row.getLong(10)});
            table("sessions.csv", ExportQueries.SESSIONS, new String[] {"session", "alliance", "number", "day",
                "duration_minutes", "mode", "attendance", "status", "cosigned"}, row -> new Object[] {
                    id(row, 1), id(row, 2), row.getInt(3), row.getInt(4), row.getObject(5), row.getString(6), row.getString(7),
                    row.getString(8), row.getBoolean(9)});
            table("measures.csv", ExportQueries.MEASURES, new String[] {"measure", "session", "alliance", "instrument",
                "respondent", "timing", "participant", "total"}, row -> new Object[] {
                    id(row, 1), id(row, 2), id(row, 3), row.getString(4), row.getString(5), row.getString(6), row.getObject(7),
                    row.getBigDecimal(8)});
            table("measure_items.csv", ExportQueries.MEASURE_ITEMS, new String[] {"measure", "item", "score"},
                    row -> new Object[] {id(row, 1), row.getString(2), row.getBigDecimal(3)});
            table("ruptures.csv", ExportQueries.RUPTURES, new String[] {"rupture", "session", "alliance", "type", "markers",
                "tags", "dimension", "significance", "therapist_contribution", "reported_by", "minute_in_session", "status"},
                row -> new Object[] {id(row, 1), id(row, 2), id(row, 3), row.getString(4), row.getString(5),
                    approved(row.getString(6)), row.getString(7), row.getInt(8), row.getObject(9), row.getString(10),
                    row.getObject(11), row.getString(12)});
            table("repairs.csv", ExportQueries.REPAIRS, new String[] {"repair", "rupture", "session", "alliance", "day",
                "strategies", "initiated_by", "outcome", "resolution_rating"}, row -> new Object[] {
                    id(row, 1), id(row, 2), id(row, 3), id(row, 4), row.getInt(5), row.getString(6), row.getString(7),
                    row.getString(8), row.getObject(9)});
            table("practitioners.csv", ExportQueries.PRACTITIONERS, new String[] {"practitioner", "licensed"},
                    row -> new Object[] {id(row, 1), row.getBoolean(2)});
            aggregate("counts_by_marker.csv", ExportQueries.BY_MARKER);
            aggregate("counts_by_strategy.csv", ExportQueries.BY_STRATEGY);
            aggregate("counts_by_age_band.csv", ExportQueries.BY_AGE_BAND);
            aggregate("counts_by_format.csv", ExportQueries.BY_FORMAT);
            dictionary();
            readme();
            zip.finish();
            chunks.close();
            return new Written(rows, written, chunks.bytes);
        }

        /** Streams one statement's rows into one CSV entry of the ZIP. */
        private void table(String file, String sql, String[] header, Row mapper) throws SQLException, IOException {
            progress();
            long count = 0;
            try (PreparedStatement statement = scoped(sql); ResultSet result = statement.executeQuery()) {
                CSVPrinter printer = entry(file, header);
                while (result.next()) {
                    printer.printRecord(mapper.values(result));
                    count++;
                    if (++written % PROGRESS_EVERY == 0) {
                        printer.flush();
                        progress();
                    }
                }
                printer.flush();
            }
            zip.closeEntry();
            rows.put(file, count);
        }

        /** A count per category, each below the minimum cell size left out and marked as suppressed. */
        private void aggregate(String file, String sql) throws SQLException, IOException {
            long count = 0;
            try (PreparedStatement statement = scoped(sql); ResultSet result = statement.executeQuery()) {
                CSVPrinter printer = entry(file, new String[] {"category", "count", "suppressed"});
                while (result.next()) {
                    long n = result.getLong(2);
                    boolean suppressed = n < minimumCell;
                    printer.printRecord(result.getString(1), suppressed ? null : n, suppressed);
                    count++;
                }
                printer.flush();
            }
            zip.closeEntry();
            rows.put(file, count);
        }

        private void dictionary() throws IOException {
            CSVPrinter printer = entry("data-dictionary.csv", DataDictionary.HEADER);
            for (DataDictionary.Column c : DataDictionary.COLUMNS) {
                printer.printRecord(c.file(), c.name(), c.meaning(), c.type(), c.unit(), c.codes());
            }
            printer.flush();
            zip.closeEntry();
        }

        /** The method, the settings and the counts; years only, never a day. */
        private void readme() throws IOException {
            zip.putNextEntry(entry("README.txt"));
            Writer text = new OutputStreamWriter(new Unclosed(zip), StandardCharsets.UTF_8);
            text.write("""
                    Attune research export (de-identified, HIPAA Safe Harbor method, 45 CFR 164.514(b)(2))

                    Made of the sessions of the range asked for%s%s.
                    Ids are pseudonyms: keyed hashes (HMAC-SHA-256) under a key made for this export and destroyed after
                    it, the same within this export and unrelated to any other export's.
                    No free text: no notes, addenda, descriptions, labels, names or external ids.
                    Dates are whole days from each alliance's first session (day 0)%s.
                    Ages are bands at the alliance's start, from the birth year; 90 and over is one band.
                    Tags: only the organization's approved tags (%d approved); every other tag is "other".
                    Aggregate tables leave out counts below %d (suppressed = true).
                    data-dictionary.csv describes every column.

                    Rows per file:
                    """.formatted(request.keepsYear() ? " (" + request.fromDay().getYear() + " to " + request.toDay().getYear() + ")"
                            : "", request.endedOnly() ? ", alliances that have ended only" : "",
                    request.keepsYear() ? "; the year of the first session is kept" : "; no calendar date or year is kept",
                    request.approvedTags().size(), minimumCell));
            for (Map.Entry<String, Long> count : rows.entrySet()) {
                text.write(count.getKey() + ": " + count.getValue() + "\n");
            }
            text.flush();
            zip.closeEntry();
        }

        private CSVPrinter entry(String file, String[] header) throws IOException {
            zip.putNextEntry(entry(file));
            return CSVFormat.RFC4180.builder().setHeader(header).get()
                    .print(new OutputStreamWriter(new Unclosed(zip), StandardCharsets.UTF_8));
        }

        /** An entry without the time it was written: the ZIP carries no date of its own. */
        private static ZipEntry entry(String name) {
            ZipEntry entry = new ZipEntry(name);
            entry.setTimeLocal(EPOCH);
            return entry;
        }

        private PreparedStatement scoped(String sql) throws SQLException {
            PreparedStatement statement = snapshot.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH);
            statement.setObject(1, request.from());
            statement.setObject(2, request.to());
            statement.setBoolean(3, request.endedOnly());
            statement.setString(4, request.zone().getId());
            statement.setObject(5, claim.organizationId());
            return statement;
        }

        private long single(String sql) throws SQLException {
            try (PreparedStatement statement = scoped(sql); ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }

        /** Records progress and renews the lease; fails when another worker has taken the export over. */
        private void progress() throws SQLException {
            try (PreparedStatement update = out.prepareStatement("update research_export set rows_written = ?, rows_total = ?,"
                    + " running_until = now() + cast(? as interval) where id = ? and organization_id = ? and claim = ?")) {
                update.setLong(1, written);
                update.setLong(2, total);
                update.setString(3, LEASE);
                update.setObject(4, claim.exportId());
                update.setObject(5, claim.organizationId());
                update.setObject(6, claim.token());
                if (update.executeUpdate() != 1) {
                    throw new SQLException("the export's claim was taken over");
                }
            }
        }

        /** The pseudonym of the id in the column; empty for none. */
        private String id(ResultSet row, int column) throws SQLException {
            UUID id = row.getObject(column, UUID.class);
            if (id == null) {
                return null;
            }
            byte[] hash = pseudonyms.doFinal(id.toString().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash, 0, 10);
        }

        /** The approved tags, in order, with "other" once for any that is not approved. */
        private String approved(String tags) {
            if (tags == null || tags.isEmpty()) {
                return "";
            }
            Set<String> kept = new LinkedHashSet<>();
            for (String tag : tags.split(";")) {
                kept.add(request.approvedTags().contains(tag) ? tag : "other");
            }
            return String.join(";", kept);
        }
    }

    private interface Row {
        Object[] values(ResultSet row) throws SQLException;
    }

    /** The ZIP's bytes, to the database a chunk at a time. */
    private static final class Chunks extends OutputStream {

        private final ExportWorker.Claim claim;
        private final Connection out;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private int seq;
        long bytes;

        Chunks(ExportWorker.Claim claim, Connection out) {
            this.claim = claim;
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            if (filled == buffer.length) {
                flushChunk();
            }
            buffer[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void close() throws IOException {
            if (filled > 0) {
                flushChunk();
            }
        }

        private void flushChunk() throws IOException {
            // Stored, and the lease renewed, only while this worker's claim holds the export.
            try (PreparedStatement insert = out.prepareStatement("""
                    with held as (
                        update research_export set running_until = now() + cast(? as interval)
                        where id = ? and organization_id = ? and claim = ? returning id, organization_id)
                    insert into research_export_chunk (export_id, organization_id, seq, data) select id, organization_id, ?, ? from held""")) {
                insert.setString(1, LEASE);
                insert.setObject(2, claim.exportId());
                insert.setObject(3, claim.organizationId());
                insert.setObject(4, claim.token());
                insert.setInt(5, seq++);
                insert.setBytes(6, Arrays.copyOf(buffer, filled));
                if (insert.executeUpdate() != 1) {
                    throw new IOException("the export's claim was taken over");
                }
            } catch (SQLException e) {
                throw new IOException("a chunk of the export could not be stored", e);
            }
            bytes += filled;
            filled = 0;
        }
    }

    /** An entry's writer closes nothing beneath it: the ZIP goes on. */
    private static final class Unclosed extends FilterOutputStream {

        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
