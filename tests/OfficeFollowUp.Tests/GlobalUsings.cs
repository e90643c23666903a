// Namespaces most test files here use; a file names only what is particular to it.
global using System.Collections.Concurrent;
global using System.Net;
global using System.Net.Http.Json;
global using System.Text;
global using System.Text.Json;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
global using OfficeFollowUp.Calendar;
global using OfficeFollowUp.Drafts;
global using OfficeFollowUp.FollowUps;
global using OfficeFollowUp.Mailbox;
global using OfficeFollowUp.Referrals;
global using OfficeFollowUp.Sandbox;
global using OfficeFollowUp.Store;
global using OfficeFollowUp.Sync;
global using OfficeFollowUp.Tests.Integration;
