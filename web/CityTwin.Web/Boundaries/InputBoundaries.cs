namespace CityTwin.Web.Boundaries;

/// <summary>Everything that guards the app's inputs, registered and placed in the pipeline together.</summary>
public static class InputBoundaries
{
    public static IServiceCollection AddInputBoundaries(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BoundaryOptions>(configuration.GetSection(BoundaryOptions.Section));
        // Binding failures throw in every environment (by default only in Development), so that
        // BindingErrorHandler can name the field; otherwise Production answers a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BindingErrorHandler>();
        services.AddExceptionHandler<SiloAddressErrorHandler>();
        services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails += BareRefusals.Customize);
        services.AddRateLimiter(RequestRateLimits.Configure);
        return services;
    }

    /// <summary>Placed after the exception handler (which must see binding failures) and before sign-in.</summary>
    public static IApplicationBuilder UseInputBoundaries(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeaders>()
            .UseMiddleware<RouteValueGuard>()
            .UseMiddleware<RequestBodyLimit>()
            .UseMiddleware<JsonContentTypeGuard>();

    /// <summary>Placed after authentication, so that limits per user know the user.</summary>
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();
}
