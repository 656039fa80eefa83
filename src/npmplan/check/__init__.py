"""Problems as data and the rules that find them across fields."""
