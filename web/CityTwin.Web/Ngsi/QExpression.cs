using System.Globalization;
using System.Text.RegularExpressions;
using CityTwin.Web.Boundaries;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// The NGSI-LD query language (<c>q</c>) as far as this twin needs it: terms <c>attr op value</c> and
/// <c>attr</c> (it exists), joined by <c>;</c> (and) and <c>|</c> (or, binding looser), in parentheses.
/// Operators <c>== != &gt; &gt;= &lt; &lt;= =~ !~</c>; values numbers, <c>"strings"</c>, <c>true</c>/<c>false</c>,
/// ISO 8601 instants, ranges <c>a..b</c> and lists <c>a,b</c> (with == and !=). <c>attr.key</c> reads a key
/// of a structured value or the <c>observedAt</c>/<c>unitCode</c> of the attribute.
/// </summary>
public abstract record QExpression
{
    public abstract bool Matches(NgsiEntity entity);

    /// <summary>Attribute names the expression reads.</summary>
    public abstract IEnumerable<string> Attributes { get; }

    public sealed record And(QExpression Left, QExpression Right) : QExpression
    {
        public override bool Matches(NgsiEntity entity) => Left.Matches(entity) && Right.Matches(entity);
        public override IEnumerable<string> Attributes => Left.Attributes.Concat(Right.Attributes);
    }

    public sealed record Or(QExpression Left, QExpression Right) : QExpression
    {
        public override bool Matches(NgsiEntity entity) => Left.Matches(entity) || Right.Matches(entity);
        public override IEnumerable<string> Attributes => Left.Attributes.Concat(Right.Attributes);
    }

    /// <summary>One comparison; <see cref="Op"/> null tests that the attribute exists.</summary>
    public sealed record Term(IReadOnlyList<string> Path, string? Op, IReadOnlyList<object> Values, (object Low, object High)? Range, Regex? Pattern) : QExpression
    {
        public override IEnumerable<string> Attributes => [Path[0]];

        public override bool Matches(NgsiEntity entity)
        {
            if (Read(entity) is not { } actual) return false;
            if (Op is null) return true;
            if (Pattern is not null) return actual is string s && SafeRegex.IsMatch(Pattern, s) == (Op == "=~");
            if (actual is string[] many) return Op == "!=" ? many.All(m => !Equal(m)) : many.Any(Equal);
            return Op switch
            {
                "==" => Range is { } r ? Compare(actual, r.Low) >= 0 && Compare(actual, r.High) <= 0 : Values.Any(v => Compare(actual, v) == 0),
                "!=" => Range is { } r2 ? !(Compare(actual, r2.Low) >= 0 && Compare(actual, r2.High) <= 0) : Values.All(v => Compare(actual, v) is not 0 and not null),
                ">" => Compare(actual, Values[0]) > 0,
                ">=" => Compare(actual, Values[0]) >= 0,
                "<" => Compare(actual, Values[0]) < 0,
                "<=" => Compare(actual, Values[0]) <= 0,
                _ => false,
            };

            bool Equal(string m) => Range is null && Values.Any(v => Compare(m, v) == 0);
        }

        private object? Read(NgsiEntity entity)
        {
            if (Path[0] == NgsiTypes.Location) return Path.Count == 1 ? entity.Location : null;
            if (entity.Find(Path[0]) is not { } attribute) return null;
            if (Path.Count == 1) return attribute.Value;
            if (Path.Count == 2 && Path[1] == "observedAt") return attribute.ObservedAt;
            if (Path.Count == 2 && Path[1] == "unitCode") return attribute.UnitCode;
            object? value = attribute.Value;
            foreach (var key in Path.Skip(1))
                value = value is IReadOnlyDictionary<string, object> d ? d.GetValueOrDefault(key) : null;
            return value;
        }

        /// <summary>Order of two values of one kind; null when they cannot be compared (then no comparison holds).</summary>
        private static int? Compare(object actual, object wanted) => (actual, wanted) switch
        {
            (double a, double w) => a.CompareTo(w),
            (int a, double w) => ((double)a).CompareTo(w),
            (string a, string w) => string.CompareOrdinal(a, w),
            (bool a, bool w) => a == w ? 0 : a ? 1 : -1,
            (DateTimeOffset a, DateTimeOffset w) => a.CompareTo(w),
            _ => null,
        };
    }

    public static QExpression Parse(string text) => new QParser(text).ParseAll();

    private sealed class QParser(string text)
    {
        private int _pos;

        public QExpression ParseAll()
        {
            var e = ParseOr();
            if (_pos != text.Length) throw new FormatException($"unexpected '{text[_pos]}' at position {_pos}");
            return e;
        }

        private QExpression ParseOr()
        {
            var left = ParseAnd();
            while (Peek('|')) { _pos++; left = new Or(left, ParseAnd()); }
            return left;
        }

        private QExpression ParseAnd()
        {
            var left = ParseTerm();
            while (Peek(';')) { _pos++; left = new And(left, ParseTerm()); }
            return left;
        }

        private QExpression ParseTerm()
        {
            if (Peek('('))
            {
                _pos++;
                var inner = ParseOr();
                if (!Peek(')')) throw new FormatException($"missing ')' at position {_pos}");
                _pos++;
                return inner;
            }
            var path = ParsePath();
            var op = ParseOperator();
            if (op is null) return new Term(path, null, [], null, null);
            if (op is "=~" or "!~")
            {
                var p = ParseString();
                Regex regex;
                try { regex = new Regex(p, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)); }
                catch (ArgumentException e) { throw new FormatException($"pattern \"{p}\" is not a regular expression: {e.Message}"); }
                catch (NotSupportedException e) { throw new FormatException($"pattern \"{p}\" is not supported: {e.Message}"); }
                return new Term(path, op, [], null, regex);
            }
            var first = ParseValue();
            if (text.AsSpan(_pos).StartsWith(".."))
            {
                if (op is not ("==" or "!=")) throw new FormatException($"a range takes == or != (position {_pos})");
                _pos += 2;
                var high = ParseValue();
                if (first.GetType() != high.GetType()) throw new FormatException("a range joins two values of one kind");
                return new Term(path, op, [], (first, high), null);
            }
            var values = new List<object> { first };
            while (Peek(','))
            {
                if (op is not ("==" or "!=")) throw new FormatException($"a list takes == or != (position {_pos})");
                _pos++;
                values.Add(ParseValue());
            }
            if (op is ">" or ">=" or "<" or "<=" && first is bool) throw new FormatException($"{op} cannot order true and false");
            return new Term(path, op, values, null, null);
        }

        private List<string> ParsePath()
        {
            var path = new List<string> { ParseName() };
            while (Peek('.') && !text.AsSpan(_pos).StartsWith("..")) { _pos++; path.Add(ParseName()); }
            if (Peek('['))
            {
                _pos++;
                path.Add(ParseName());
                if (!Peek(']')) throw new FormatException($"missing ']' at position {_pos}");
                _pos++;
            }
            return path;
        }

        private string ParseName()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
            if (_pos == start) throw new FormatException(_pos < text.Length ? $"expected an attribute name at position {_pos}, found '{text[_pos]}'" : "expected an attribute name at the end");
            return text[start.._pos];
        }

        private string? ParseOperator()
        {
            foreach (var op in new[] { "==", "!=", ">=", "<=", "=~", "!~", ">", "<" })
            {
                if (!text.AsSpan(_pos).StartsWith(op, StringComparison.Ordinal)) continue;
                _pos += op.Length;
                return op;
            }
            return null;
        }

        private object ParseValue()
        {
            if (Peek('"')) return ParseString();
            var start = _pos;
            while (_pos < text.Length && text[_pos] is not (';' or '|' or ')' or ',') && !text.AsSpan(_pos).StartsWith("..")) _pos++;
            var raw = text[start.._pos];
            if (raw.Length == 0) throw new FormatException($"expected a value at position {start}");
            if (raw is "true") return true;
            if (raw is "false") return false;
            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return d;
            if (raw.Contains('T') && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t;
            throw new FormatException($"'{InputEcho.Clip(raw)}' is not a number, \"string\", true, false or date-time");
        }

        private string ParseString()
        {
            if (!Peek('"')) throw new FormatException($"expected a \"quoted string\" at position {_pos}");
            var end = text.IndexOf('"', _pos + 1);
            if (end < 0) throw new FormatException("a string is not closed");
            var s = text[(_pos + 1)..end];
            _pos = end + 1;
            return s;
        }

        private bool Peek(char c) => _pos < text.Length && text[_pos] == c;

    }
}
