using Weasel.Postgresql.Tables;

namespace OneStop.Digitising;

/// <summary>Scanned files, content-addressed by SHA-256; the ledger keeps only the hash.</summary>
public static class DocumentStorage
{
    public const string TableName = "onestop_documents";

    public static Table Table(string schema)
    {
        var table = new Table(new Weasel.Postgresql.PostgresqlObjectName(schema, TableName,
            Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("sha256").AsPrimaryKey();
        table.AddColumn<string>("content_type").NotNull();
        table.AddColumn("content", "bytea").NotNull();
        return table;
    }
}
