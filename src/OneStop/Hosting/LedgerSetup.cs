using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using OneStop.Applicants;
using OneStop.Auth;
using OneStop.Calendar;
using OneStop.Catalogue;
using OneStop.Clustering;
using OneStop.Digitising;
using OneStop.Dossiers;
using OneStop.Overseeing;
using OneStop.Problems;
using OneStop.Projections;
using OneStop.Reading;
using OneStop.Tracking;
using Scalar.AspNetCore;
using Weasel.Core;
using Wolverine;
using Wolverine.Http;

namespace OneStop.Hosting;

/// <summary>How the service is put together: the ledger, its rules' data, and the web edge.</summary>
public static class LedgerSetup
{
    public const string Schema = "onestop";

    public static void AddLedger(this WebApplicationBuilder builder, string connectionString)
    {
        var cluster = ClusterSettings.From(builder.Configuration);
        cluster.DemandSharedKeys(builder.Configuration);
        cluster.Apply(builder.Services.AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = Schema;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                // Inline projections need each event's global sequence (hand-overs, corrections).
                options.Events.AppendMode = EventAppendMode.Rich;
                options.Events.MetadataConfig.EnableAll();
                // EnableAll() leaves the user name out; the audit needs it.
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.Schema.For<ApplicantRecord>();
                options.Schema.For<ReceiptSecret>();
                options.Storage.ExtendedSchemaObjects.Add(DossierCodes.CounterTable(Schema));
                options.Storage.ExtendedSchemaObjects.Add(DocumentStorage.Table(Schema));
                options.AddOneStopProjections();
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup());
        builder.Services.ConfigureMarten((services, options) =>
            options.Logger(new ParameterFreeMartenLogger(services.GetRequiredService<ILogger<IDocumentStore>>())));

        // Production runs the handler and storage code generated ahead of time (Internal/Generated, rewritten by
        // `codegen write`; .ci/run fails when it is stale) and refuses to start if a type is missing; development
        // and the tests generate it at run time.
        builder.Services.CritterStackDefaults(defaults =>
        {
            defaults.Production.GeneratedCodeMode = TypeLoadMode.Static;
            defaults.Production.AssertAllPreGeneratedTypesExist = true;
            defaults.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
        });
        builder.Host.UseWolverine(options =>
        {
            options.UseRuntimeCompilation();
            cluster.Apply(options.Durability);
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => WorkingCalendar.Vietnam);
        builder.Services.AddSingleton(_ => ProcedureCatalogue.Load());
        builder.Services.AddSingleton(AgencySettings.From(builder.Configuration));
        builder.Services.AddSingleton<DossierCommandRunner>();
        builder.Services.AddSingleton<FactsCache>();
    }

    public static void AddWebEdge(this WebApplicationBuilder builder, string dataDirectory)
    {
        var signingKey = SigningKey.From(builder.Configuration, dataDirectory);
        builder.Services.AddSingleton(signingKey);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton(ReceiptSecretKey.From(builder.Configuration, dataDirectory));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = SigningKey.Issuer,
                    ValidAudience = SigningKey.Audience,
                    IssuerSigningKey = signingKey.Key,
                    RoleClaimType = OfficerClaims.Role,
                    NameClaimType = OfficerClaims.Officer,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        builder.Services.AddAuthorization(Access.AddOfficerPolicies);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? 500;
            context.ProblemDetails.Type = ProblemTypes.Stable(context.ProblemDetails);
            context.ProblemDetails.Extensions["correlationId"] = AuditMetadata.CorrelationId(context.HttpContext);
        });
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
            options.Limits.MaxRequestBodySize = AttachDocumentEndpoint.MaxRequestBytes);
        builder.Services.AddOpenApi(options => options.AddSchemaTransformer(FlatDossierAnswerSchema.Transform));
        builder.Services.AddSingleton(ProjectionStallLimit.From(builder.Configuration));
        builder.Services.AddSingleton<ProjectionProgressWatch>();
        builder.Services.AddHealthChecks()
            .AddCheck<LedgerHealth>("ledger-database")
            .AddCheck<ProjectionHealth>("projections");
        builder.AddReadLimits();
        builder.Services.AddWolverineHttp();
    }

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.PropertyNameCaseInsensitive = true;
        json.RespectNullableAnnotations = true;
        json.RespectRequiredConstructorParameters = true;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // A body is read one way only: no key given twice (which one would count?), no number sent as a string.
        json.AllowDuplicateProperties = false;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.MaxDepth = 16;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.Converters.Add(new SafeStringConverter());
        json.Converters.Add(new BoundedInstantConverter());
    }

    public static void UseWebEdge(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestTextRules();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapScalarApiReference("/api-docs",
            options => options.WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapWolverineEndpoints(options =>
        {
            options.WarmUpRoutes = RouteWarmup.Eager;
            options.RejectUnparseableQueryValues = true;
        });
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" })).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready").ExcludeFromDescription();
    }
}
