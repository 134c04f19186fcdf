using System.Text.Json;
using Marten;
using OneStop.Applicants;
using OneStop.Integrity;
using OneStop.Tests.Fixtures;
using Shouldly;

namespace OneStop.Tests.Integrity;

/// <summary>An honest ledger verifies, proves every event and publishes its checkpoints.</summary>
public sealed class when_the_ledger_is_untouched(LedgerApp app) : IntegrityContext(app)
{
    [Fact]
    public async Task every_event_is_hashed_in_the_transaction_that_appends_it()
    {
        await three_received_dossiers();

        var events = await Query<long>("select count(*) from onestop.mt_events");
        var hashes = await Query<long>("select count(*) from onestop.onestop_event_hashes");

        hashes.Single().ShouldBe(events.Single());
        events.Single().ShouldBe(6);
    }

    [Fact]
    public async Task several_events_in_one_commit_are_chained_in_version_order()
    {
        var id = Guid.CreateVersion7();
        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream(id, new ChainProbe(1), new ChainProbe(2), new ChainProbe(3));
            await session.SaveChangesAsync();
        }

        var links = await Query<bool>("""
            select h.prev_hash = coalesce(p.hash, decode(repeat('00', 32), 'hex'))
            from onestop.onestop_event_hashes h
            left join onestop.onestop_event_hashes p on p.stream_id = h.stream_id and p.version = h.version - 1
            where h.stream_id = @id order by h.version
            """, id);

        links.ShouldBe([true, true, true]);
        (await Verification()).GetProperty("intact").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task verification_reports_intact_up_to_the_last_sequence()
    {
        var ids = await three_received_dossiers();
        await a_checkpoint();
        var last = (await Sequences(ids[2]))[^1];

        var report = await Verification();

        report.GetProperty("intact").GetBoolean().ShouldBeTrue(report.ToString());
        report.GetProperty("intactThroughSequence").GetInt64().ShouldBe(last);
        report.GetProperty("eventsChecked").GetInt64().ShouldBe(6);
        report.GetProperty("summary").GetString()!.ShouldStartWith($"Intact up to sequence {last}");
    }

    [Fact]
    public async Task an_inclusion_proof_leads_to_the_signed_checkpoint()
    {
        var ids = await three_received_dossiers();
        await a_checkpoint();
        var sequence = (await Sequences(ids[1]))[0];

        var (status, proof) = await Get($"/api/ledger/proofs/inclusion?sequence={sequence}");

        status.ShouldBe(200, proof.ToString());
        var answer = proof.Deserialize<InclusionAnswer>(JsonSerializerOptions.Web)!;
        answer.LeafIndex.ShouldBe(2);
        MerkleTree.VerifyInclusion(Convert.FromHexString(answer.LeafHash), answer.LeafIndex, answer.Checkpoint.Size,
            [.. answer.Proof.Select(Convert.FromHexString)], answer.Checkpoint.Root()).ShouldBeTrue();
        using var key = LedgerSigningKey.PublicKey((await Get("/api/ledger/bundles/" + sequence)).Body
            .GetProperty("publicKeyPem").GetString()!);
        answer.Checkpoint.IsSignedBy(key).ShouldBeTrue();
    }

    [Fact]
    public async Task two_checkpoints_are_proved_consistent()
    {
        await three_received_dossiers();
        var first = (await a_checkpoint())!;
        await a_received_dossier();
        var second = (await a_checkpoint())!;

        var (status, body) = await Get($"/api/ledger/proofs/consistency?from={first.Size}&to={second.Size}");

        status.ShouldBe(200, body.ToString());
        var answer = body.Deserialize<ConsistencyAnswer>(JsonSerializerOptions.Web)!;
        (first.Size, second.Size).ShouldBe((6, 8));
        MerkleTree.VerifyConsistency(first.Size, second.Size, first.Root(), second.Root(),
            [.. answer.Proof.Select(Convert.FromHexString)]).ShouldBeTrue();
    }

    [Fact]
    public async Task every_checkpoint_is_published_to_an_append_only_file()
    {
        await a_received_dossier();
        await a_checkpoint();
        await a_received_dossier();
        await a_checkpoint();

        var (_, listed) = await Get("/api/ledger/checkpoints");
        var (_, latest) = await Get("/api/ledger/checkpoints/latest");

        var file = CheckpointFile.Read(Path.Combine(App.DataDirectory, PublishedCheckpoints.FileName));
        file.Select(c => c.Size).ShouldBe([2, 4]);
        listed.Deserialize<List<Checkpoint>>(JsonSerializerOptions.Web).ShouldBe(file);
        latest.GetProperty("size").GetInt64().ShouldBe(4);
    }

    [Fact]
    public async Task correcting_and_erasing_personal_data_leaves_every_proof_valid()
    {
        var ids = await three_received_dossiers();
        await a_checkpoint();
        var (_, before) = await Get($"/api/ledger/proofs/inclusion?sequence={(await Sequences(ids[0]))[0]}");

        await using (var session = Store.LightweightSession())
        {
            var applicants = await session.Query<ApplicantRecord>().ToListAsync();
            applicants[0].Name = "Nguyễn Văn Corrected";
            applicants[1].Name = "";
            applicants[1].IdentityNumber = null;
            applicants[1].ErasedAt = LedgerApp.Start;
            session.Store(applicants[0], applicants[1]);
            await session.SaveChangesAsync();
        }

        (await Verification()).GetProperty("intact").GetBoolean().ShouldBeTrue();
        var (_, after) = await Get($"/api/ledger/proofs/inclusion?sequence={(await Sequences(ids[0]))[0]}");
        after.ToString().ShouldBe(before.ToString());
    }
}

/// <summary>An event of no dossier, to append several in one commit.</summary>
public sealed record ChainProbe(int Number);
