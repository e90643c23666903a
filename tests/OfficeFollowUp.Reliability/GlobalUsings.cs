// Namespaces most test files here use; a file names only what is particular to it.
global using System.Diagnostics;
global using System.Globalization;
global using System.Net;
global using System.Text.RegularExpressions;
global using OfficeFollowUp.Sandbox;
global using OfficeFollowUp.Reliability.Harness;
global using Xunit.Abstractions;
