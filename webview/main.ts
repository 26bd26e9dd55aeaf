// Graph UI lands with issue 6.
