using Microsoft.Extensions.Primitives;

namespace OfficeFollowUp.Sandbox.Tests;

public sealed class SandboxQueryParsingTests
{
    private const string Id = "String {8f1d3c6e-2b7a-4e51-9c0d-3a6b2f9e7d41} Name FollowUpKey";

    [Theory]
    [InlineData($"singleValueExtendedProperties/Any(ep: ep/id eq '{Id}' and ep/value eq 'k1')", "k1")]
    [InlineData($"singleValueExtendedProperties/any(ep:ep/id eq '{Id}' and ep/value eq 'k1')", "k1")]
    [InlineData($"  singleValueExtendedProperties / ANY ( x : x/value eq 'k1' and x/id eq '{Id}' ) ", "k1")]
    [InlineData($"singleValueExtendedProperties/Any(ep: ep/id eq '{Id}' and ep/value eq 'O''Connell')", "O'Connell")]
    public void Tag_filter_forms_graph_accepts_are_understood(string filter, string value)
    {
        Assert.True(ODataQuery.TryParseFilter(filter, out var match));
        Assert.Equal(Id, match!.PropertyId);
        Assert.Equal(value, match.Value);
    }

    [Theory]
    [InlineData("subject eq 'hello'")]
    [InlineData($"singleValueExtendedProperties/Any(ep: ep/id eq '{Id}' and ep/id eq 'k1')")]
    [InlineData($"singleValueExtendedProperties/Any(ep: other/id eq '{Id}' and ep/value eq 'k1')")]
    [InlineData($"singleValueExtendedProperties/Any(ep: ep/id eq '{Id}' or ep/value eq 'k1')")]
    public void Other_filters_are_rejected(string filter) =>
        Assert.False(ODataQuery.TryParseFilter(filter, out _));

    [Theory]
    [InlineData("IdType=\"ImmutableId\"", true, null)]
    [InlineData("odata.maxpagesize=50, IdType=\"ImmutableId\"", true, 50)]
    [InlineData("outlook.timezone=\"New Zealand Standard Time\",odata.maxpagesize=3", false, 3)]
    [InlineData("idtype=immutableid", true, null)]
    [InlineData("IdType=\"RestId\"", false, null)]
    [InlineData("odata.maxpagesize=0", false, null)]
    public void Prefer_header_preferences_are_read(string header, bool immutable, int? pageSize)
    {
        var prefer = PreferHeader.Parse(new StringValues(header));

        Assert.Equal(immutable, prefer.ImmutableId);
        Assert.Equal(pageSize, prefer.MaxPageSize);
    }

    [Fact]
    public void Prefer_preferences_may_come_as_several_headers()
    {
        var prefer = PreferHeader.Parse(new StringValues(["odata.maxpagesize=7", "IdType=\"ImmutableId\""]));

        Assert.True(prefer.ImmutableId);
        Assert.Equal(7, prefer.MaxPageSize);
    }
}
