using JasperFx.Events.Projections;
using Marten;
using OneStop.Dossiers;
using OneStop.Projections.Auditing;
using OneStop.Projections.Dossiers;
using OneStop.Projections.Oversight;

namespace OneStop.Projections;

/// <summary>Every read model and its lifecycle, chosen in one place.</summary>
public static class ProjectionRegistration
{
    public static void AddOneStopProjections(this StoreOptions options)
    {
        // Old event shapes load as current events before any projection sees them.
        options.AddDossierEventVersions();
        options.Projections.Add<DossierViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<DossierTimelineProjection>(ProjectionLifecycle.Inline);
        // Oversight reads tolerate a moment's lag; keeping them off the append path keeps commands fast.
        options.Projections.Add(new AuditLogProjection(), ProjectionLifecycle.Async, AuditLogProjection.Name,
            o => o.DeleteViewTypeOnTeardown<AuditEntry>());
        options.Projections.Add(new DossierFactsProjection(), ProjectionLifecycle.Async);
        // A rebuild writes the audit log's rows (inserts only) with COPY instead of one statement per row.
        options.Projections.RebuildWithBulkCopy = true;

        // The worklist filters, counts and sorts one unit's open dossiers: every field it asks about is a column
        // of its own, since PostgreSQL decompresses a document's JSON again for each field read out of it. Only
        // the holding unit leads an index (Duplicate() would index every column, a cost on every command); the
        // partial one keeps years of finished dossiers held by the same unit out of the way (bench/Reads).
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType != typeof(DossierView))
                return;
            foreach (var member in new[]
                     {
                         nameof(DossierView.Status), nameof(DossierView.IsReceived), nameof(DossierView.IsOpen),
                         nameof(DossierView.HoldingUnit), nameof(DossierView.HoldingOfficer), nameof(DossierView.DueAt),
                     })
                mapping.DuplicateField(member);
            mapping.AddIndex("holding_unit").Name = "mt_doc_dossierview_idx_holding_unit";
            // A unit's open dossiers in deadline order with what the worklist filters on: its counts and order come
            // from the index alone, without visiting the documents (EXPLAIN ANALYZE in bench/Reads).
            var open = mapping.AddIndex("holding_unit", "due_at", "id");
            open.Name = "mt_doc_dossierview_idx_open_holding_unit_due";
            open.IncludeColumns = ["status", "is_received"];
            open.Predicate = "is_open";
            // Views stored before these columns existed have none; the start fills them (LedgerDatabase).
            var unfilled = mapping.AddIndex("id");
            unfilled.Name = "mt_doc_dossierview_idx_unfilled";
            unfilled.Predicate = "is_open is null";
        });
        options.Schema.For<DossierView>().Index(x => x.Code);
        options.Schema.For<AuditEntry>()
            .Duplicate(x => x.DossierId)
            .Duplicate(x => x.DossierCode!)
            .Duplicate(x => x.Officer)
            .Duplicate(x => x.Unit)
            .Duplicate(x => x.EventType)
            .Duplicate(x => x.At);
        options.Schema.For<DossierFacts>()
            .Duplicate(x => x.SubmittedAt)
            .Duplicate(x => x.LastEventAt)
            .Duplicate(x => x.FinishedAt!);
    }
}
