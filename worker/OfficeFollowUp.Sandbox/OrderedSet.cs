namespace OfficeFollowUp.Sandbox;

/// <summary>An insertion-ordered set of ids with O(1) add and remove: a folder's contacts, the calendar's events.</summary>
internal sealed class OrderedSet : IEnumerable<string>
{
    private readonly LinkedList<string> _order = new();
    private readonly Dictionary<string, LinkedListNode<string>> _nodes = new(StringComparer.Ordinal);

    public int Count => _nodes.Count;

    public void Add(string id) => _nodes.Add(id, _order.AddLast(id));

    public void Remove(string id)
    {
        if (_nodes.Remove(id, out var node))
        {
            _order.Remove(node);
        }
    }

    public IEnumerator<string> GetEnumerator() => _order.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
