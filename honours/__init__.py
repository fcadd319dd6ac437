"""Honours Graph: people, organisations and honours from Chinese trade-union news."""

__version__ = "0.1.0"
