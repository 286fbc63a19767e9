using System.Buffers.Binary;
using System.IO.Compression;

namespace CityTwin.Browser.Tests;

/// <summary>
/// Minimal decoder for the PNGs Chromium writes (8-bit RGB or RGBA, not interlaced), enough to
/// check that a screenshot shows something rather than a blank map.
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Pixels, 4 bytes each, row by row.</summary>
    public byte[] Rgba { get; }

    public (byte R, byte G, byte B) Pixel(int x, int y)
    {
        var i = ((y * Width) + x) * 4;
        return (Rgba[i], Rgba[i + 1], Rgba[i + 2]);
    }

    public static PngImage Decode(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
            throw new InvalidDataException("Not a PNG file.");
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        var pos = 8;
        while (pos + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    var bitDepth = data[8];
                    var colorType = data[9];
                    var interlace = data[12];
                    channels = colorType switch { 2 => 3, 6 => 4, _ => 0 };
                    if (bitDepth != 8 || channels == 0 || interlace != 0)
                        throw new NotSupportedException($"PNG with bit depth {bitDepth}, colour type {colorType}, interlace {interlace}.");
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    pos = png.Length;
                    continue;
            }
            pos += 12 + length;
        }
        if (width <= 0 || height <= 0) throw new InvalidDataException("PNG without IHDR.");

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        z.ReadExactly(raw);

        var rgba = new byte[width * height * 4];
        var prev = new byte[stride];
        var cur = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, (y * (stride + 1)) + 1, cur, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? cur[i - channels] : 0;
                int b = prev[i];
                int c = i >= channels ? prev[i - channels] : 0;
                cur[i] = filter switch
                {
                    0 => cur[i],
                    1 => (byte)(cur[i] + a),
                    2 => (byte)(cur[i] + b),
                    3 => (byte)(cur[i] + ((a + b) >> 1)),
                    4 => (byte)(cur[i] + Paeth(a, b, c)),
                    _ => throw new InvalidDataException($"PNG filter {filter}."),
                };
            }
            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 4;
                rgba[o] = cur[x * channels];
                rgba[o + 1] = cur[(x * channels) + 1];
                rgba[o + 2] = cur[(x * channels) + 2];
                rgba[o + 3] = channels == 4 ? cur[(x * channels) + 3] : (byte)255;
            }
            (prev, cur) = (cur, prev);
        }
        return new PngImage(width, height, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Distinct colours after reducing each channel to 4 bits (ignores antialiasing noise).</summary>
    public int DistinctColours(int left, int top, int right, int bottom)
    {
        var seen = new HashSet<int>();
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                var (r, g, b) = Pixel(x, y);
                seen.Add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
            }
        }
        return seen.Count;
    }

    /// <summary>Share of pixels in the rectangle that differ clearly from the given background colour.</summary>
    public double ShareDifferentFrom((byte R, byte G, byte B) background, int left, int top, int right, int bottom)
    {
        long differ = 0, total = 0;
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                var (r, g, b) = Pixel(x, y);
                total++;
                if (Math.Abs(r - background.R) + Math.Abs(g - background.G) + Math.Abs(b - background.B) > 24) differ++;
            }
        }
        return total == 0 ? 0 : (double)differ / total;
    }
}
