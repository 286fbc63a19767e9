using CityTwin.Model.City;
using CityTwin.Web.Drills;
using Microsoft.Extensions.DependencyInjection;

namespace CityTwin.Web.Tests.Drills;

/// <summary>A drill file is checked against the city when the pack loads: the message names the file and the field.</summary>
[Collection(TwinCollection.Name)]
public sealed class DrillPackTests(TwinAppFactory app)
{
    [Fact]
    public void A_drill_on_a_place_the_city_lacks_or_missing_a_language_stops_the_pack_naming_file_and_field()
    {
        var city = app.Services.GetRequiredService<CityCatalog>();
        var folder = Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var texts = """{"en":"x","id":"x","ko":"x","kk":"x","mn":"x","ru":"x"}""";
            File.WriteAllText(Path.Combine(folder, "good.json"), $$"""
                {"id":"good","title":{{texts}},"description":{{texts}},"durationSeconds":600,"missAfterSeconds":60,
                 "steps":[{"at":0,"key":"a","source":"28185","value":1,"name":{{texts}},"severity":"major","service":"traffic"},
                          {"at":30,"key":"a","source":"28185","value":0,"clear":true}]}
                """);
            var good = PackDrills.FromFolder(folder, city);
            Assert.Equal([false, true], good.Find("good")!.Steps.Select(s => s.Clear));

            File.WriteAllText(Path.Combine(folder, "bad.json"), $$"""
                {"id":"bad","title":{"en":"only English"},"description":{{texts}},"durationSeconds":600,"missAfterSeconds":60,
                 "steps":[{"at":0,"key":"a","source":"flood-9999999999-001","value":1,"name":{{texts}},"severity":"major","service":"traffic"}]}
                """);
            var error = Assert.Throws<CityPackException>(() => PackDrills.FromFolder(folder, city));
            Assert.Contains("drills/bad.json", error.Message, StringComparison.Ordinal);
            Assert.Contains("steps[0].source", error.Message, StringComparison.Ordinal);
            Assert.Contains("title.kk", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
