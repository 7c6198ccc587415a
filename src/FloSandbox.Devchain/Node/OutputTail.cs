using System.Text;

namespace FloSandbox.Devchain.Node;

/// <summary>Keeps the last few kilobytes of a child process's output for error messages.</summary>
internal sealed class OutputTail(int capacity = 8192)
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public void Append(ReadOnlySpan<char> chunk)
    {
        lock (_gate)
        {
            _text.Append(chunk);
            if (_text.Length > capacity)
            {
                _text.Remove(0, _text.Length - capacity);
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _text.ToString().Trim();
        }
    }
}
