namespace Planner.Core.Network;

/// <summary>A binary min-heap of (key, item) pairs in reusable arrays; duplicates are allowed (lazy deletion).</summary>
internal sealed class MinHeap
{
    private double[] _keys = new double[256];
    private int[] _items = new int[256];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Push(double key, int item)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, Count * 2);
            Array.Resize(ref _items, Count * 2);
        }

        int i = Count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (_keys[parent] <= key)
            {
                break;
            }

            _keys[i] = _keys[parent];
            _items[i] = _items[parent];
            i = parent;
        }

        _keys[i] = key;
        _items[i] = item;
    }

    public int Pop(out double key)
    {
        key = _keys[0];
        int top = _items[0];
        int n = --Count;
        if (n > 0)
        {
            double k = _keys[n];
            int it = _items[n];
            int i = 0;
            while (true)
            {
                int c = (2 * i) + 1;
                if (c >= n)
                {
                    break;
                }

                if (c + 1 < n && _keys[c + 1] < _keys[c])
                {
                    c++;
                }

                if (_keys[c] >= k)
                {
                    break;
                }

                _keys[i] = _keys[c];
                _items[i] = _items[c];
                i = c;
            }

            _keys[i] = k;
            _items[i] = it;
        }

        return top;
    }
}
