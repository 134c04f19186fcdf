using OneStop.Calendar;
using OneStop.Catalogue;
using OneStop.Dossiers;
using Shouldly;

namespace OneStop.Tests.Catalogue;

public class when_the_embedded_catalogue_is_loaded
{
    private static readonly ProcedureCatalogue Catalogue = ProcedureCatalogue.Load();

    [Fact]
    public void holds_all_36_procedures_at_version_1()
    {
        Catalogue.Procedures.Count.ShouldBe(36);
        Catalogue.Procedures.ShouldAllBe(p => p.Version == 1);
        Catalogue.AgencyCode.ShouldBe("000.00.00.G06");
    }

    [Fact]
    public void keeps_the_facts_of_the_radiation_source_licence()
    {
        var p = Catalogue.Find("G06.NLNT.01").ShouldNotBeNull();

        p.NationalCode.ShouldBeNull();
        p.NameVi.ShouldBe(
            "Cấp Giấy phép tiến hành công việc bức xạ – sử dụng nguồn phóng xạ");
        p.NameEn.ShouldBe("Radiation work licence – use of radioactive sources");
        p.Field.ShouldBe("Năng lượng nguyên tử, an toàn bức xạ và hạt nhân");
        p.Unit.ShouldBe("CATBXHN");
        p.HandlingUnit.ShouldBe("Cục An toàn bức xạ và hạt nhân");
        p.TimeLimit.ShouldBe(new TimeLimit(45, TimeUnit.CalendarDays));
        p.Components.Count.ShouldBe(12);
        p.Components[5].ShouldBe(new ProcedureComponent(
            "C06",
            "Bản sao văn bằng/chứng nhận đào tạo vật lý y khoa (cơ sở y học hạt nhân)",
            "Medical-physics qualification copies (nuclear-medicine facilities only)",
            Required: false,
            Copies: 1));
        p.FeeVnd.ShouldBeNull();
        p.FeeNote.ShouldBeNull();
        p.Result.ShouldBe("Giấy phép tiến hành công việc bức xạ (Mẫu 02 Phụ lục VI NĐ 142/2020)");
        p.Channels.ShouldBe([Channel.Online, Channel.Postal, Channel.Counter]);
        p.FullyOnline.ShouldBeFalse();
        p.Source.ShouldStartWith("NĐ 142/2020/NĐ-CP Điều 15, 28, 29");
        p.Steps.Select(s => (s.Id, s.Limit, s.Unit)).ShouldBe(
        [
            ("S01", new TimeLimit(5, TimeUnit.WorkingDays), "CATBXHN"),
            ("S02", new TimeLimit(45, TimeUnit.CalendarDays), "CATBXHN"),
        ]);
    }

    [Fact]
    public void keeps_copies_and_working_day_limits_of_the_radiation_worker_certificate()
    {
        var p = Catalogue.Find("1.009846").ShouldNotBeNull();

        p.NationalCode.ShouldBe("1.009846");
        p.TimeLimit.ShouldBe(new TimeLimit(10, TimeUnit.WorkingDays));
        p.Components.Select(c => c.Copies).ShouldBe([1, 1, 1, 1, 3]);
        p.Components.ShouldAllBe(c => c.Required);
    }

    [Fact]
    public void counts_the_trademark_limit_in_calendar_months_and_keeps_the_fee_as_a_note()
    {
        var p = Catalogue.Find("G06.SHTT.02").ShouldNotBeNull();

        p.Unit.ShouldBe("CSHTT");
        p.TimeLimit.ShouldBe(new TimeLimit(9, TimeUnit.CalendarMonths));
        p.FullyOnline.ShouldBeTrue();
        p.Channels.ShouldBe([Channel.Online, Channel.Postal, Channel.Counter]);
        p.Components[1].Copies.ShouldBe(5);
        p.FeeVnd.ShouldBeNull("the note lists several amounts");
        p.FeeNote.ShouldNotBeNull().ShouldStartWith("Filing fee 150,000 VND; publication 120,000");
        p.Steps.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("G06.BC.04", 2_500_000L)]
    [InlineData("1.004428", 1_000_000L)]
    [InlineData("G06.CGCN.01", 10_000_000L)]
    [InlineData("G06.SHTT.04", 300_000L)]
    [InlineData("G06.HDKH.05", 0L)]
    public void reads_one_unambiguous_fee_amount(string code, long fee)
    {
        var p = Catalogue.Find(code).ShouldNotBeNull();

        p.FeeVnd.ShouldBe(fee);
        p.FeeNote.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("2.000169")]
    [InlineData("G06.NLNT.03")]
    [InlineData("G06.NLNT.10")]
    [InlineData("G06.SHTT.01")]
    [InlineData("G06.TS.01")]
    public void leaves_no_fee_amount_where_the_note_is_ambiguous(string code)
    {
        var p = Catalogue.Find(code).ShouldNotBeNull();

        p.FeeVnd.ShouldBeNull();
        p.FeeNote.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void keeps_missing_facts_missing()
    {
        var pct = Catalogue.Find("G06.SHTT.04").ShouldNotBeNull();
        var transfer = Catalogue.Find("G06.CGCN.02").ShouldNotBeNull();

        pct.TimeLimit.ShouldBeNull();
        pct.Result.ShouldBeNull();
        transfer.Channels.ShouldBeNull();
        Catalogue.Find("G06.TS.01").ShouldNotBeNull().Components.ShouldBeEmpty();
    }

    [Fact]
    public void leaves_the_applicants_own_deadlines_out_of_the_steps_but_keeps_them_as_stages()
    {
        var p = Catalogue.Find("G06.CGCN.02").ShouldNotBeNull();

        p.Stages.Count.ShouldBe(3);
        p.Stages[0].ShouldBe(new ProcedureStage(
            "Applicant files within this period after signing the contract",
            new TimeLimit(60, TimeUnit.CalendarDays)));
        p.Steps.Select(s => s.Name).ShouldBe(
        [
            "Completeness review / request to amend",
            "Appraisal and licence issue from receipt of complete dossier",
        ]);
    }

    [Fact]
    public void gives_appraisal_and_decision_steps_where_no_stages_are_published()
    {
        var p = Catalogue.Find("G06.HDKH.02").ShouldNotBeNull();

        p.Stages.ShouldBeEmpty();
        p.Steps.ShouldBe(
        [
            new ProcedureStep("S01", "Appraisal by the handling unit", null, "CTTTK"),
            new ProcedureStep("S02", "Decision by the unit head", null, "CTTTK"),
        ]);
    }

    [Fact]
    public void gives_every_procedure_a_known_unit_and_steps_held_by_known_units()
    {
        foreach (var p in Catalogue.Procedures)
        {
            Catalogue.FindUnit(p.Unit).ShouldNotBeNull($"{p.Id} has unit {p.Unit}");
            p.Steps.ShouldNotBeEmpty($"{p.Id} has no steps");
            p.Steps.ShouldAllBe(s => Catalogue.FindUnit(s.Unit) != null);
        }
    }

    [Fact]
    public void numbers_components_and_steps_in_order()
    {
        foreach (var p in Catalogue.Procedures)
        {
            p.Components.Select(c => c.Id).ShouldBe(
                p.Components.Select((_, i) => $"C{i + 1:00}"), $"component ids of {p.Id}");
            p.Steps.Select(s => s.Id).ShouldBe(
                p.Steps.Select((_, i) => $"S{i + 1:00}"), $"step ids of {p.Id}");
        }
    }

    [Fact]
    public void groups_procedures_under_ten_handling_units()
    {
        Catalogue.Units.Select(u => u.Code).ShouldBe(
        [
            "CATBXHN", "VDGTDCN", "BKHCN", "CQQLNV", "CTTTK",
            "CSHTT", "UBTCDLCL", "VBC", "CTS", "TTTSKV",
        ]);
        Catalogue.Procedures.Count(p => p.Unit == "CATBXHN").ShouldBe(14);
        Catalogue.Find("1.009844").ShouldNotBeNull().Unit.ShouldBe("CATBXHN",
            "'Bộ Khoa học và Công nghệ (Cục An toàn bức xạ và hạt nhân)' is the radiation agency");
    }
}
