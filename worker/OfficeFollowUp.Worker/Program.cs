using OfficeFollowUp.Hosting;

// Composition lives in Hosting/WorkerApp.cs so the tests start exactly this process in-memory.
var app = WorkerApp.Build(args);
await app.RunAsync();
