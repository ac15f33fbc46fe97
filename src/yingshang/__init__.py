"""yingshang: Chinese business-environment plans as a typed, queryable model."""
