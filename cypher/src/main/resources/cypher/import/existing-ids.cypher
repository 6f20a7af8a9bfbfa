// Which of the ids a bundle refers to already exist, per label (index seeks on the id constraints).
RETURN [id IN $people WHERE EXISTS { MATCH (:Person {id: id}) }] AS Person,
       [id IN $addresses WHERE EXISTS { MATCH (:Address {id: id}) }] AS Address,
       [id IN $agencies WHERE EXISTS { MATCH (:Agency {id: id}) }] AS Agency,
       [id IN $professionals WHERE EXISTS { MATCH (:Professional {id: id}) }] AS Professional
