print("hegui: not built yet")
