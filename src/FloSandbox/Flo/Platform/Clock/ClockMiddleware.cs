using FloSandbox.Core.Scheduling;
using FloSandbox.Core.Tenants;

namespace FloSandbox.Flo.Platform.Clock;

/// Applies `X-Flo-Clock` before the request runs (and runs what fell due by then), and reports the tenant's sandbox time in
/// `X-Flo-Clock-Now` on every tenant response.
public sealed class ClockMiddleware(RequestDelegate next, TenantClockService clocks, DueWorkRunner dueWork)
{
    public const string NowHeader = "X-Flo-Clock-Now";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<TenantContext>() is not { } caller)
        {
            await next(context);
            return;
        }

        var tenant = caller.Tenant;
        context.Response.Headers[NowHeader] = TenantClockService.Format(tenant.Clock.GetUtcNow());
        var header = context.Request.Headers[ClockHeader.Name].ToString();
        if (header.Length > 0)
        {
            var now = await clocks.AdvanceAsync(tenant, now => ClockHeader.Parse(header, now), context.RequestAborted);
            context.Response.Headers[NowHeader] = TenantClockService.Format(now);
            // Everything that fell due by the new time runs before the request does.
            await dueWork.RunForTenantAsync(tenant.Id, context.RequestAborted);
        }
        await next(context);
    }
}
