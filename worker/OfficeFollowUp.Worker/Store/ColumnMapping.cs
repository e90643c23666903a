using System.Data;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using OfficeFollowUp.Calendar;
using OfficeFollowUp.Settings;

namespace OfficeFollowUp.Store;

/// <summary>
/// How values travel between C# and the store's columns, for Dapper. Rows map to row classes by column name
/// (<c>display_name</c> → <c>DisplayName</c>), never by position. The formats are the ones every database written so
/// far holds, so an existing file reads as before:
/// <list type="bullet">
/// <item>times are, on SQLite, ISO 8601 round-trip text (<c>"O"</c>), compared as text in SQL, so writers pass UTC where they
/// compare; on PostgreSQL timestamptz, written in UTC and read back in UTC (the same instant);</item>
/// <item>dates (birthdays) are <c>yyyy-MM-dd</c>;</item>
/// <item>lists and the settings overrides are JSON (the overrides in web casing, as they were first saved);</item>
/// <item>enums are stored as their names. Dapper reads names itself, but it binds an enum parameter as its number and
/// ignores type handlers for enums, so a statement passes <c>kind.ToString()</c>, never the enum;</item>
/// <item>booleans are 0/1 integers on both stores (SQLite has no boolean type), so statements compare <c>= 1</c> the same
/// everywhere; a <c>bool</c> parameter is bound as that integer, which PostgreSQL would otherwise refuse for an integer column.</item>
/// </list>
/// </summary>
internal static class ColumnMapping
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        // Dapper binds these natively, in the provider's own text format; the handlers keep the format the files hold.
        foreach (var type in new[] { typeof(DateTimeOffset), typeof(DateTimeOffset?), typeof(DateOnly), typeof(DateOnly?), typeof(bool), typeof(bool?) })
        {
            SqlMapper.RemoveTypeMap(type);
        }

        SqlMapper.AddTypeHandler(new DateTimeOffsetColumn());
        SqlMapper.AddTypeHandler(new BooleanAsInteger());
        SqlMapper.AddTypeHandler(new DateOnlyText());
        // A list parameter with a handler is one JSON value; only arrays expand into IN (…) lists (see StoreSession.InChunksAsync).
        SqlMapper.AddTypeHandler(new JsonColumn<IReadOnlyList<string>>(null, []));
        SqlMapper.AddTypeHandler(new JsonColumn<IReadOnlyList<EventAttendee>>(null, []));
        SqlMapper.AddTypeHandler(new JsonColumn<SettingsOverrides>(WebJson, SettingsOverrides.None));
    }

    private sealed class DateTimeOffsetColumn : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is NpgsqlParameter timestamptz)
            {
                // Npgsql writes a DateTimeOffset to timestamptz only at offset zero.
                timestamptz.NpgsqlDbType = NpgsqlDbType.TimestampTz;
                timestamptz.Value = value.ToUniversalTime();
                return;
            }

            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("O", CultureInfo.InvariantCulture);
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
            DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
            DateTimeOffset instant => instant,
            _ => throw new InvalidCastException($"A point in time cannot be read from a {value.GetType().Name}."),
        };
    }

    private sealed class BooleanAsInteger : SqlMapper.TypeHandler<bool>
    {
        public override void SetValue(IDbDataParameter parameter, bool value)
        {
            parameter.DbType = DbType.Int32;
            parameter.Value = value ? 1 : 0;
        }

        public override bool Parse(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0;
    }

    private sealed class DateOnlyText : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        public override DateOnly Parse(object value) => DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <param name="empty">What a JSON <c>null</c> reads as.</param>
    private sealed class JsonColumn<T>(JsonSerializerOptions? options, T empty) : SqlMapper.TypeHandler<T>
    {
        public override void SetValue(IDbDataParameter parameter, T? value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = JsonSerializer.Serialize(value, options);
        }

        public override T Parse(object value) => JsonSerializer.Deserialize<T>((string)value, options) ?? empty;
    }
}
