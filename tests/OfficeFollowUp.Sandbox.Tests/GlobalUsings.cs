// Namespaces most test files here use; a file names only what is particular to it.
global using System.Net;
global using System.Net.Http.Json;
global using System.Text;
global using System.Text.Json;
global using Microsoft.Graph.Models;
global using Microsoft.Graph.Models.ODataErrors;
global using OfficeFollowUp.Sandbox;
