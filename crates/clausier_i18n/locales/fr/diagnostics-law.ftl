## Les avertissements tirés du droit de la commande publique (W05, `law/`).

# Comment un message nomme la grille d'un lot, après les mots qu'elle précise ; rien pour
# un marché d'un seul tenant. `title` : le titre du lot tel que `pack.toml` le donne.
law-grid-of-lot = { " " }du lot `{ $lot }` ({ $title })
law-not-environmental = non environnemental
# `date` s'écrit `2027-01-04`.
law-launched-on = la procédure est lancée le { $date }
law-no-launch-date = aucune date de lancement n'est donnée (`[document] launch` dans `pack.toml`) : la procédure est réputée lancée aujourd'hui

# `grid` : law-grid-of-lot, ou rien.
w0506-no-environmental-criterion = aucun critère d'attribution{ $grid } ne prend en compte l'environnement
w0506-criteria-summary = { $count ->
        [one] le seul critère ne prend pas en compte l'environnement
       *[other] aucun des { $count } critères ne prend en compte l'environnement
    }
w0506-lot-grid-note = chaque lot est attribué selon sa propre grille (CCP L2113-10) : les critères sans `lots` et ceux qui nomment le lot
w0506-law-note = code de la commande publique, L2111-2, et loi n° 2021-1104 (Climat et résilience), art. 35 : une procédure lancée à compter du 2026-08-22 comporte au moins un critère d'attribution prenant en compte les caractéristiques environnementales de l'offre
w0506-what-counts-note = un critère est environnemental quand son identifiant ou son titre nomme l'environnement (`ENV`, environnement, écoconception, RGESN, carbone, climat, durabilité…) ou quand sa note lit un champ d'un enregistrement `env` ou `environnement`
w0506-help = ajoutez un critère tel que `criterion ENV "Écoconception (RGESN)" weight 10 { "{" } text "…" score env.rgesn_priority_met / 30 { "}" }` et ajustez les autres pondérations

# `grid` : law-grid-of-lot, ou rien.
w0513-no-environmental-condition = aucune condition d'exécution{ $grid } ne prend en compte l'environnement
w0513-condition-not-environmental = cette condition d'exécution ne prend pas en compte l'environnement
w0513-no-execution-condition = la grille de ce dossier est prête, et aucune de ses exigences n'est une condition d'exécution (`level execution`)
w0513-lot-no-execution-condition = la grille du lot `{ $lot }` est prête, et aucune de ses exigences n'est une condition d'exécution (`level execution`)
w0513-lot-contract-note = chaque lot est un marché à part entière (CCP L2113-10) : ses conditions d'exécution sont celles sans `lots` et celles qui nomment le lot
w0513-law-note = code de la commande publique, L2112-2, et loi n° 2021-1104 (Climat et résilience), art. 35 : les marchés d'une procédure lancée à compter du 2026-08-22 comportent au moins une condition d'exécution prenant en compte l'environnement
w0513-what-counts-note = une condition d'exécution est environnementale quand son identifiant ou son titre nomme l'environnement (`ENV`, environnement, écoconception, RGESN, carbone, climat, durabilité…) ou quand son `require` ou son `when` lit un champ d'un enregistrement `env` ou `environnement`
w0513-help = ajoutez une exigence de `level execution` à laquelle le candidat s'engage, telle que `requirement ENV-02 "Sobriété numérique" { "{" } level execution text "…" require env.rgesn_commitment { "}" }`

# `lots` : l'identifiant de chaque lot entre accents graves et son titre entre parenthèses,
# séparés par des virgules ; `count` : leur nombre (0 pour un marché non alloti).
w0509-unscored-should = l'exigence `should` `{ $id }` n'est notée par aucun critère{ $count ->
        [0] {""}
        [one] { " " }du lot { $lots }
       *[other] { " " }des lots { $lots }
    }
w0509-unscored-should-label = souhaitable, mais aucun critère ne la pondère
w0509-declared-here = déclarée ici
w0509-unscored-should-note = un élément apprécié sans pondération publiée est un critère d'attribution non publié (CE 18/06/2010 Commune de Saint-Pal-de-Mons ; CCP R2152-11)
w0509-unscored-should-help = notez-la dans un critère, comme `score if passed({ $id }) then 1 else 0`, ou déclarez `level info` s'il s'agit seulement d'une information

w0510-requirement-without-text = l'exigence `{ $id }` n'a pas de `text`
w0510-requirement-without-text-label = cette exigence serait publiée sans son texte juridique
w0510-requirement-without-text-help = rédigez la clause telle que le cahier des charges la publiera : `text "Le candidat …"`
w0510-criterion-without-text = le critère `{ $id }` n'a pas de `text`
w0510-criterion-without-text-label = la grille publiée ne dirait pas comment ce critère est noté
w0510-criterion-without-text-help = rédigez la manière dont il est noté, telle que le cahier des charges la publiera : `text "Note = … × 40."` (CCP R2152-11 : les critères et leurs modalités de mise en œuvre sont publiés)
w0510-render-refuses-note = `clausier render` refuse un jeu de clauses dont une clause n'a pas de texte, sauf avec `--draft`

# `level` : `must` ou `should`.
w0514-titulaire = l'exigence `{ $level }` `{ $id }` parle du « titulaire » au stade de l'offre
w0514-titulaire-label = il n'y a pas encore de titulaire du marché quand les offres sont vérifiées
w0514-checked-on-the-offer = une exigence `{ $level }` est vérifiée sur l'offre
w0514-titulaire-note = au stade de l'offre, les parties sont « le candidat » ou « le soumissionnaire » ; « le titulaire » détient le marché une fois celui-ci attribué
w0514-titulaire-help = écrivez « le candidat » (ou « le soumissionnaire ») ; s'il s'agit d'une obligation du marché à laquelle le candidat s'engage, passez-la en `level execution`

w0507-label-without-equivalent = l'exigence `{ $id }` impose un label ou une certification sans accepter d'équivalent
# `name` : le champ ou le texte de `require` qui désigne le label.
w0507-names-a-label = `{ $name }` désigne un label ; toute façon de satisfaire `require` exige un label
w0507-this-names-a-label = ceci désigne un label ; toute façon de satisfaire `require` exige un label
w0507-no-equivalent-mentioned = ni le titre, ni le texte, ni le commentaire de documentation de cette exigence ne mentionnent d'équivalent
w0507-law-note = code de la commande publique, R2111-12 à R2111-17 : un acheteur qui exige un label accepte tout label qui confirme des exigences équivalentes, et d'autres moyens de preuve appropriés d'un candidat qui n'a pas pu l'obtenir à temps pour des raisons qui ne lui sont pas imputables
w0507-help = acceptez une autre possibilité dans `require` (`… or security.equivalent_expires >= today`) et écrivez « ou équivalent » dans le texte ; si la loi elle-même impose cette certification, écrivez-le dans une ligne `no_equivalent "motif"`

# `replacement` : les mots que le texte devrait employer, tels que « déclarée irrégulière ».
w0515-set-aside = l'exigence `{ $id }` indique qu'une offre qui ne la respecte pas est écartée
w0515-set-aside-label = une offre qui ne respecte pas une spécification est « irrégulière »
w0515-set-aside-note = une offre qui ne respecte pas les spécifications est « irrégulière » (CCP L2152-2) ; dans certaines procédures, l'acheteur peut en demander la régularisation (R2152-2) avant de l'écarter
w0515-set-aside-help = écrivez « { $replacement } » ; indiquez, si la procédure le permet, que l'acheteur peut demander la régularisation de l'offre
w0515-write = écrire « { $replacement } »
w0516-no-equivalent-without-label = l'exigence `{ $id }` n'admet aucun équivalent, mais n'impose aucun label ni aucune certification
w0516-changes-nothing = cette ligne ne change rien : aucun équivalent n'est examiné sur cette exigence
w0516-no-label-read = aucun label n'est nécessaire pour satisfaire cette condition
w0516-help = retirez la ligne `no_equivalent` ; elle ne sert qu'à une exigence qui impose une certification voulue par la loi

## Les valeurs écrites dans les textes au lieu des paramètres qui les portent.

# `field` : `text`, `note` ou `ref` ; `which` vaut `default` quand le paramètre garde sa
# valeur par défaut, `overridden` quand une surcharge lui en donne une autre.
w0511-literal-value = le `{ $field }` de `{ $id }` écrit { $which ->
        [default] la valeur
       *[other] une valeur
    } de `{ $name }` au lieu de le nommer
w0511-literal-value-label = `{ $written }` est { $which ->
        [default] la valeur
       *[other] une valeur
    } de `{ $name }`, que cette clause lit
# `default` et `effective` : des valeurs telles qu'une clause les écrit.
w0511-default-and-effective = `{ $name }` vaut { $default } par défaut et { $effective } en vigueur
w0511-ref-help = une référence nomme une source ; donnez le seuil dans le `text`, sous la forme `{ "{" }{ $name }{ "}" }`, qui publie la valeur en vigueur ({ $effective })
w0511-help = écrivez `{ "{" }{ $name }{ "}" }` : le texte publié indique alors la valeur en vigueur ({ $effective }), y compris lorsqu'un jeu de clauses qui utilise celui-ci en fixe une autre

# `value` : une valeur telle qu'une clause l'écrit.
w0512-override-not-shown = le texte de `{ $id }` n'affiche pas `{ $name }`, que `{ $pack }` fixe à { $value }
w0512-override-not-shown-label = publié tel quel, ce texte ne donne pas la valeur de `{ $name }` en vigueur, { $value }
w0512-set-here = `{ $name }` est fixé ici
w0512-help = écrivez `{ "{" }{ $name }{ "}" }` là où le texte donne ce seuil : il est publié avec la valeur en vigueur

## Les clauses qui jugent l'opérateur plutôt que l'offre (W0508).

w0508-requirement-judges-operator = l'exigence `{ $id }` juge le siège, la nationalité ou l'actionnariat de l'opérateur
w0508-criterion-scores-operator = le critère `{ $id }` note le siège, la nationalité ou l'actionnariat de l'opérateur
# `level` : `must` ou `execution`.
w0508-requirement-excludes = une exigence `{ $level }` exclut toute offre qui ne la satisfait pas
w0508-should-scored = une exigence `should` est notée lors de l'attribution
w0508-criterion-linked-to-object = un critère d'attribution doit être lié à l'objet du marché
w0508-field-about-operator = `{ $field }` indique où un opérateur est établi, sa nationalité ou qui le détient, et non ce que fait le service
w0508-equal-treatment-note = égalité de traitement : l'article 18 du TFUE interdit toute discrimination exercée en raison de la nationalité, et l'article 18 de la directive 2014/24/UE impose de traiter les opérateurs économiques sur un pied d'égalité et sans discrimination ; la CJUE (Kolin, C-652/22, 22/10/2024) permet seulement aux acheteurs de traiter différemment les opérateurs de pays tiers sans accord avec l'UE en matière de marchés publics
w0508-award-criteria-note = code de la commande publique, L2152-7 et R2152-7 : les critères d'attribution sont liés à l'objet du marché ou à ses conditions d'exécution, et ne confèrent pas à l'acheteur une liberté de choix illimitée
w0508-help = jugez le service, et non l'entreprise : où les données sont hébergées, qui peut y accéder et d'où, une qualification telle que SecNumCloud « ou équivalent », un engagement au titre de l'article 48 du RGPD
