namespace FloSandbox.Devchain; /// <summary>x</summary>
public static class Placeholder {}
