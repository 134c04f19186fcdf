using JasperFx;
using OneStop.Hosting;
using OneStop.Integrations;
using OneStop.Integrity;
using OneStop.Observability;
using OneStop.Pages;

var builder = WebApplication.CreateBuilder(args);
var dataDirectory = DataFolder.Resolve(builder.Configuration);
var connectionString = await Database.ResolveAsync(builder, args);

builder.AddLedger(connectionString);
builder.AddWebEdge(dataDirectory);
builder.AddSecurity();
builder.AddLedgerIntegrity(dataDirectory);
builder.AddObservability();
builder.AddIntegrations();
builder.AddPeoplePages();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseWebEdge();
app.UseIntegrations();
app.UsePeoplePages();

return await app.RunJasperFxCommands(args);

/// <summary>The service's entry point; public so tests can host it.</summary>
public partial class Program;
